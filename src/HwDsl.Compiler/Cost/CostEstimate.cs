using System.Globalization;

namespace HwDsl.Compiler;

/// <summary>Energy, latency and area per inference of a whole network (SI units), layer by layer, and where the constants came from.</summary>
/// <param name="Technology">The technology preset's name.</param>
/// <param name="Schedule">How a layer's tiles were scheduled.</param>
/// <param name="Layers">One entry per weight layer, in order.</param>
/// <param name="CellReadEnergy">Energy of one read of a fully-on cell used, J.</param>
/// <param name="CellReadSource">Where it came from: the technology (V²·G·t) or the device.</param>
public sealed record CostEstimate(string Technology, TileSchedule Schedule, IReadOnlyList<LayerCost> Layers, double CellReadEnergy, string CellReadSource)
{
    /// <summary>Energy per inference, J.</summary>
    public double Energy => Layers.Sum(l => l.Energy);

    /// <summary>Latency per inference, s (layers one after the other).</summary>
    public double Latency => Layers.Sum(l => l.Latency);

    /// <summary>Area, m².</summary>
    public double Area => Layers.Sum(l => l.Area);

    /// <summary>One-time programming energy, J.</summary>
    public double ProgrammingEnergy => Layers.Sum(l => l.ProgrammingEnergy);

    /// <summary>Per-layer Markdown table (pJ, ns, mm²) and a total row: how the REPL and logs show the estimate.</summary>
    public string Markdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"Cost per inference ({Technology}, tiles {Schedule.ToString().ToLowerInvariant()}; cell read {CellReadEnergy * 1e15:G3} fJ at Gmax from {CellReadSource}, "
                + (Layers.Any(l => !l.Counts.Digital && l.MeanConductance < 1) ? "scaled by each layer's mean programmed conductance)" : "every cell fully on)"),
            "",
            "| layer | tiles | MVMs | ADC conv. (bits) | DAC conv. | cell reads | ADC pJ | DAC pJ | cells pJ | digital pJ | energy pJ | latency ns | area mm² |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        foreach (var l in Layers)
        {
            var c = l.Counts;
            var bits = c.Digital ? "–" : $"{c.AdcConversions} ({c.AdcBits}{(c.AdcDeclared ? "" : ", undeclared")})";
            lines.Add(string.Create(inv,
                $"| {c.Layer}{(c.Digital ? " (digital)" : "")} | {c.Tiles.Count} | {c.Mvms} | {bits} | {c.DacConversions} | {c.CellReads} | {l.AdcEnergy * 1e12:G4} | {l.DacEnergy * 1e12:G4} | {l.CellEnergy * 1e12:G4} | {l.DigitalEnergy * 1e12:G4} | {l.Energy * 1e12:G4} | {l.Latency * 1e9:G4} | {l.Area * 1e6:G4} |"));
        }
        lines.Add(string.Create(inv,
            $"| total | {Layers.Sum(l => l.Counts.Tiles.Count)} | {Layers.Sum(l => l.Counts.Mvms)} | {Layers.Sum(l => l.Counts.AdcConversions)} | {Layers.Sum(l => l.Counts.DacConversions)} | {Layers.Sum(l => l.Counts.CellReads)} | {Layers.Sum(l => l.AdcEnergy) * 1e12:G4} | {Layers.Sum(l => l.DacEnergy) * 1e12:G4} | {Layers.Sum(l => l.CellEnergy) * 1e12:G4} | {Layers.Sum(l => l.DigitalEnergy) * 1e12:G4} | {Energy * 1e12:G4} | {Latency * 1e9:G4} | {Area * 1e6:G4} |"));
        return string.Join("\n", lines) + "\n";
    }
}
