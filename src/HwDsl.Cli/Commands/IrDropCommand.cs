using System.CommandLine;
using System.Globalization;
using HwDsl.Compiler;

namespace HwDsl.Cli.Commands;

/// <summary><c>hwdsl irdrop</c>: the first-order IR-drop model against the exact nodal solve, by array size and wire resistance.</summary>
internal static class IrDropCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "square array sizes N, comma-separated", DefaultValueFactory = _ => "8,16,32,64" };
        var wires = new Option<string>("--wires") { Description = "wire segment resistances r·Gmax, comma-separated", DefaultValueFactory = _ => "1e-5,1e-4,1e-3" };
        var seed = new Option<int>("--seed") { Description = "seed of the conductances and inputs", DefaultValueFactory = _ => 1 };
        var command = new Command("irdrop", "Compare the first-order IR-drop model with the exact crossbar solve (relative output error).") { sizes, wires, seed };
        command.SetAction(parse =>
        {
            var n = TrainCommand.ParseInts(parse.GetValue(sizes)!, "--sizes", minimum: 1);
            var r = Doubles(parse.GetValue(wires)!, "--wires");
            if (n.Any(s => s > 256)) throw new UserInputException($"--sizes: the exact solve is for small arrays, at most 256; got {string.Join(",", n)}.");
            Console.Write(IrDropAccuracy.Markdown(IrDropAccuracy.Measure(n, r, parse.GetValue(seed))));
            Console.WriteLine("G uniform in [0.1, 1]·Gmax, inputs uniform in [0, 1]; error = max_j |y_j − y*_j| / max_j |y*_j|, worst of 3 input vectors; y* the exact nodal solve (banded Cholesky, residual checked with MathNet sparse).");
            return 0;
        });
        return command;
    }

    private static double[] Doubles(string text, string option)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            values.Add(double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v <= IrDrop.MaxWire
                ? v : throw new UserInputException($"{option}: '{part}' is not a wire resistance in (0, {IrDrop.MaxWire.ToString(CultureInfo.InvariantCulture)}]."));
        return values.Count > 0 ? [.. values] : throw new UserInputException($"{option} must name at least one value.");
    }
}
