// A sweep point for the tests: reads its parameters, fails for bits=3 while the sweep folder holds break-3,
// and writes its metrics to results.json in Output, where the sweep's merge finds them.
var bits = Param("bits", 4);
var seed = Param("seed", 0);
if (bits == 3 && System.IO.File.Exists(System.IO.Path.Combine(Output, "..", "..", "break-3")))
    throw new InvalidOperationException("bits 3 is broken");
System.IO.File.WriteAllText(System.IO.Path.Combine(Output, "results.json"), $"{{\"acc\": {(bits * 10 + seed) / 100.0}}}");
