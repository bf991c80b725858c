// Deployed accuracy per device (issue 4): the MLP 784-256-256-10 (clipped ReLU, 4-bit inputs and activations) trained in
// float and mapped naively, and trained hardware-aware, on each device at its preset (DeviceComparison.Standard: nvm at
// Obradovic's headline point, rram/wan2022, mtj/nist-2023 at 1 bit, pcm/nandakumar2019 read at 0 s … 1 year,
// fefet/obradovic2018); every network evaluated as deployed, mean ± sd over seeds. rram, mtj, pcm and fefet are plugins.
//   dotnet run --project src/HwDsl.Cli -c Release -- run scripts/devices.csx [--quick] [--set epochs=3] [--set seeds=0,1]
//       [--set devices=pcm,rram] [--set hidden=256] [--set samples=3]
// Writes devices.csv after every run (a stopped run keeps what it finished) and devices.md at the end.
using System.Globalization;

var epochs = Param("epochs", Quick ? 1 : 3);
var seeds = Param("seeds", Quick ? new[] { 0 } : new[] { 0, 1 });   // --quick: one seed unless --set seeds
var hidden = Param("hidden", Quick ? 64 : 256);
var samples = Param("samples", Quick ? 2 : 3);
var learningRate = Param("lr", Quick ? 3e-3 : 1e-3);                   // one short epoch needs a larger step
var only = Param("devices", Array.Empty<string>());                    // device model names; empty = every standard device
if (epochs < 1) throw new ArgumentException($"--set epochs must be at least 1; got {epochs}.");
if (seeds.Length == 0) throw new ArgumentException("--set seeds must name at least one seed.");
if (hidden < 1 || samples < 1) throw new ArgumentException($"--set hidden and samples must be at least 1; got {hidden} and {samples}.");

var standard = DeviceComparison.Standard;
var unknown = only.Where(d => !standard.Any(t => string.Equals(t.Device, d, StringComparison.OrdinalIgnoreCase))).ToArray();
if (unknown.Length > 0)
    throw new ArgumentException($"--set devices: {string.Join(", ", unknown)} not in this comparison; it has: {string.Join(", ", standard.Select(t => t.Device))}.");
var trials = standard.Where(t => only.Length == 0 || only.Contains(t.Device, StringComparer.OrdinalIgnoreCase)).ToList();

// A device whose plugin did not load is named here with what did load, before anything trains.
var catalog = Options.Devices ?? DeviceCatalog.Default;
var missing = trials.Select(t => t.Device).Where(d => !catalog.TryResolve(d, out _)).ToArray();
if (missing.Length > 0)
    throw new ArgumentException($"device(s) {string.Join(", ", missing)} not loaded; known devices: {string.Join(", ", catalog.Names)}. "
        + "Build the plugins (dotnet build src/HwDsl.Cli -c Release puts them in plugins/ beside hwdsl), pass --plugins DIR, or choose with --set devices=….");

var options = Options with { Data = Data(Datasets.Mnist) };   // loaded once (the quick subset with --quick)
var rows = new List<DeviceComparison.Row>();
var rowsDone = DeviceComparison.Run(trials, seeds, options, epochs, hidden, samples, "mnist", row =>
{
    rows.Add(row);
    Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{row.Device,-36} {row.Mode,-14} seed {row.Seed} t={row.ReadSeconds.ToString("0", CultureInfo.InvariantCulture) + " s",-10} deployed {row.DeployedMean:P2} ± {row.DeployedSd:P2} (float {row.FloatAccuracy:P2})"));
    Save("devices.csv", DeviceComparison.Csv(rows));
}, learningRate);

var settings = string.Create(CultureInfo.InvariantCulture,
    $"MNIST{(Quick ? " (quick subset)" : "")}, MLP 784-{hidden}-{hidden}-10, {epochs} epoch(s), Adam {learningRate:G3} cosine, batch 100, seed(s) {string.Join(",", seeds)}; {samples} deployment (noise) sample(s) per seed; mean ± sd over seeds of each seed's mean.");
var table = DeviceComparison.Table(rowsDone);
Save("devices.md", settings + "\n\n" + table);
Out.WriteLine();
Out.WriteLine(settings);
if (Quick) Out.WriteLine("--quick checks that every device trains and deploys: one epoch is too short for hardware-aware training (β anneals 2 → 50 within it), so its column is far below the full run's.");
Out.Write(table);
Out.WriteLine($"written to {Path.Combine(Output, "devices.md")} and devices.csv");
