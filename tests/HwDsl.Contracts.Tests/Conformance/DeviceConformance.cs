using System.Globalization;

namespace HwDsl.Contracts.Tests.Conformance;

/// <summary>
/// The conformance suite of the device contract, runnable against any <see cref="IDeviceModel"/> (the built-in one, the
/// plugins in plugins/, and whatever a host loads): each check returns the violations it found, empty when the device
/// conforms, so a host or a test can report all of them at once.
/// </summary>
public static class DeviceConformance
{
    /// <summary>Samples per noise estimate: the σ estimate's standard error is σ/√(2N) ≈ 1.1 % of σ.</summary>
    public const int NoiseSamples = 4000;

    /// <summary>Tolerance of a statistical check, in standard errors: a conforming device fails one check with p ≈ 6e-7.</summary>
    public const double StandardErrors = 5;

    /// <summary>Every check against every configuration of <paramref name="model"/>.</summary>
    public static IReadOnlyList<string> Check(IDeviceModel model)
    {
        var violations = new List<string>(Metadata(model));
        if (violations.Count > 0) return violations;
        foreach (var c in DeviceCase.All(model))
        {
            violations.AddRange(TransferCurve(c));
            violations.AddRange(Derivative(c));
            violations.AddRange(Determinism(c));
            violations.AddRange(DrawCounts(c));
            violations.AddRange(ProgrammingNoise(c));
            violations.AddRange(ReadNoise(c));
            violations.AddRange(Drift(c));
            violations.AddRange(Defects(c));
        }
        return violations;
    }

    /// <summary>Name, version, parameters (unique, min ≤ default ≤ max) and presets (unique, cited, values known and in range).</summary>
    public static IEnumerable<string> Metadata(IDeviceModel model)
    {
        if (string.IsNullOrWhiteSpace(model.Name)) yield return $"{model.GetType().FullName}: empty name";
        if (!System.Version.TryParse(model.Version, out _)) yield return $"{model.Name}: version '{model.Version}' is not Major.Minor[.Build]";
        if (string.IsNullOrWhiteSpace(model.Description)) yield return $"{model.Name}: empty description";
        foreach (var dup in model.Parameters.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return $"{model.Name}: parameter '{dup.Key}' declared {dup.Count()} times";
        foreach (var p in model.Parameters)
        {
            if (string.IsNullOrWhiteSpace(p.Name) || string.IsNullOrWhiteSpace(p.Unit) || string.IsNullOrWhiteSpace(p.Description))
                yield return $"{model.Name}: parameter '{p.Name}' needs a name, a unit and a description";
            if (!(double.IsFinite(p.Min) && double.IsFinite(p.Max) && p.Min <= p.Default && p.Default <= p.Max))
                yield return $"{model.Name}: parameter {p}: default {p.Default} not within a finite [min, max]";
        }
        foreach (var dup in model.Presets.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return $"{model.Name}: preset '{dup.Key}' declared {dup.Count()} times";
        foreach (var preset in model.Presets)
        {
            if (string.IsNullOrWhiteSpace(preset.Citation) || preset.Citation.Length < 20)
                yield return $"{model.Name}: preset '{preset.Name}' must cite where its numbers come from";
            foreach (var (name, value) in preset.Values)
            {
                var p = model.Parameters.FirstOrDefault(q => string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase));
                if (p is null) yield return $"{model.Name}: preset '{preset.Name}' sets unknown parameter '{name}'";
                else if (!p.Allows(value)) yield return $"{model.Name}: preset '{preset.Name}' sets {name} = {value}, outside {p}";
            }
        }
    }

    /// <summary>G(u) monotone non-decreasing on a fine grid, inside [Gmin, Gmax], Gmin at u = 0 and Gmax at u = 1.</summary>
    public static IEnumerable<string> TransferCurve(DeviceCase c)
    {
        var e = c.Element;
        var tol = 1e-9 * e.Scale;
        if (c.Device.MaxBits is < 1 or > 16) yield return $"{c}: MaxBits {c.Device.MaxBits} outside 1..16";
        if (Math.Abs(c.Device.Conductance(0, e) - e.MinConductance) > tol) yield return $"{c}: G(0) = {c.Device.Conductance(0, e)} is not Gmin = {e.MinConductance}";
        if (Math.Abs(c.Device.Conductance(1, e) - e.MaxConductance) > tol) yield return $"{c}: G(1) = {c.Device.Conductance(1, e)} is not Gmax = {e.MaxConductance}";
        var previous = double.NegativeInfinity;
        for (var i = 0; i <= 2000; i++)
        {
            var u = i / 2000.0;
            var g = c.Device.Conductance(u, e);
            if (!double.IsFinite(g) || g < e.MinConductance - tol || g > e.MaxConductance + tol)
            {
                yield return $"{c}: G({u}) = {g} outside [{e.MinConductance}, {e.MaxConductance}]";
                yield break;
            }
            if (g < previous - tol)
            {
                yield return $"{c}: not monotone at u = {u}: {g} < {previous}";
                yield break;
            }
            previous = g;
        }
    }

    /// <summary>dG/du matches central differences (h = 1e-6) at points off any level knot.</summary>
    public static IEnumerable<string> Derivative(DeviceCase c)
    {
        const double h = 1e-6;
        var e = c.Element;
        for (var i = 0; i < 50; i++)
        {
            var u = (i + 0.371) / 50;
            var fd = (c.Device.Conductance(u + h, e) - c.Device.Conductance(u - h, e)) / (2 * h);
            var d = c.Device.ConductanceDerivative(u, e);
            if (!(Math.Abs(d - fd) <= 1e-5 * e.Scale + 1e-4 * Math.Abs(fd)))
                yield return $"{c}: dG/du({u:G4}) = {d}, central difference {fd}";
        }
    }

    /// <summary>The same seed replays the same programmed and read values; another seed gives others where the device is noisy.</summary>
    public static IEnumerable<string> Determinism(DeviceCase c)
    {
        var a = Samples(c, 7, 0.02);
        var b = Samples(c, 7, 0.02);
        if (!a.SequenceEqual(b)) yield return $"{c}: the same seed gave different samples";
        if (a.SequenceEqual(Samples(c, 8, 0.02))) yield return $"{c}: seeds 7 and 8 gave the same samples with sigma = 0.02";
    }

    /// <summary>The number of draws per call does not depend on the cell's conductance (so cells never shift each other's draws).</summary>
    public static IEnumerable<string> DrawCounts(DeviceCase c)
    {
        foreach (var sigma in new[] { 0.0, 0.02 })
        {
            var counts = Levels(c).Select(g =>
            {
                var program = new CountingRandom(1);
                var cell = c.Device.Program(g, c.Element, sigma, program);
                var read = new CountingRandom(2);
                c.Device.Read(cell, c.Element, sigma, 3600, read);
                return (program.Draws, read.Draws);
            }).Distinct().ToList();
            if (counts.Count > 1) yield return $"{c}: draws per call depend on the conductance at sigma = {sigma}: {string.Join(", ", counts)}";
        }
    }

    /// <summary>Sampled programmed conductances have mean G_T and the declared σ, at every level where none was clipped.</summary>
    public static IEnumerable<string> ProgrammingNoise(DeviceCase c)
    {
        var tested = 0;
        foreach (var sigma in new[] { 0.0, 0.02 })
            foreach (var g in Levels(c))
            {
                var random = new CountingRandom(11);
                var x = Enumerable.Range(0, NoiseSamples).Select(_ => c.Device.Program(g, c.Element, sigma, random).Conductance).ToArray();
                var declared = c.Device.ProgrammingSigma(g, c.Element, sigma);
                var violation = Compare(c, $"programming at G = {g:G4}, sigma = {sigma}", x, g, declared, ref tested);
                if (violation is not null) yield return violation;
            }
        if (tested == 0) yield return $"{c}: no level could be checked for programming noise (every one clipped)";
    }

    /// <summary>Sampled reads of one cell have mean Drift(t) and the declared read σ, at t = 0, 1 h and 1 year.</summary>
    public static IEnumerable<string> ReadNoise(DeviceCase c)
    {
        var tested = 0;
        foreach (var seconds in new[] { 0.0, 3600, 365 * 86400.0 })
            foreach (var sigma in new[] { 0.0, 0.02 })
                foreach (var g in Levels(c))
                {
                    var cell = c.Device.Program(g, c.Element, 0, new CountingRandom(5));
                    var random = new CountingRandom(13);
                    var x = Enumerable.Range(0, NoiseSamples).Select(_ => c.Device.Read(cell, c.Element, sigma, seconds, random)).ToArray();
                    var declared = c.Device.ReadSigma(cell, c.Element, sigma, seconds);
                    var violation = Compare(c, $"read at t = {seconds} s, G = {g:G4}, sigma = {sigma}", x,
                        c.Device.Drift(cell, c.Element, seconds), declared, ref tested);
                    if (violation is not null) yield return violation;
                }
        if (tested == 0) yield return $"{c}: no level could be checked for read noise (every one clipped)";
    }

    /// <summary>Drift is exactly zero at t = 0, monotone in time, and absent when the device says it does not drift.</summary>
    public static IEnumerable<string> Drift(DeviceCase c)
    {
        var times = new[] { 0, 1e-3, 1, 20, 3600, 86400, 3e7, 3e8 };
        var random = new CountingRandom(17);
        foreach (var g in Levels(c))
            for (var n = 0; n < 20; n++)
            {
                var cell = c.Device.Program(g, c.Element, 0.01, random);
                var path = times.Select(t => c.Device.Drift(cell, c.Element, t)).ToArray();
                if (path[0] != cell.Conductance) { yield return $"{c}: Drift(t = 0) = {path[0]} differs from the programmed {cell.Conductance}"; yield break; }
                var diffs = path.Zip(path.Skip(1), (a, b) => b - a).ToArray();
                if (diffs.Any(d => d > 0) && diffs.Any(d => d < 0)) { yield return $"{c}: drift is not monotone in time: {string.Join(", ", path)}"; yield break; }
                if (!c.Device.Drifts && diffs.Any(d => d != 0)) { yield return $"{c}: Drifts is false but the conductance changes: {string.Join(", ", path)}"; yield break; }
                if (path.Any(p => !double.IsFinite(p))) { yield return $"{c}: drift is not finite: {string.Join(", ", path)}"; yield break; }
            }
    }

    /// <summary>Defect rates are valid and defective cells read finite, non-negative conductances.</summary>
    public static IEnumerable<string> Defects(DeviceCase c)
    {
        var rates = c.Device.Defects;
        if (rates is null || rates.Total > 1) yield return $"{c}: defect rates must be given and sum to at most 1";
        var random = new CountingRandom(19);
        foreach (var kind in Enum.GetValues<DefectKind>())
            for (var i = 0; i < 20; i++)
            {
                var g = c.Device.Defective(kind, c.Element, random);
                if (!(double.IsFinite(g) && g >= 0)) { yield return $"{c}: a {kind} cell reads {g}"; break; }
            }
    }

    // The conductances of the levels a layer at min(MaxBits, 3) bits programs.
    private static IEnumerable<double> Levels(DeviceCase c)
    {
        var n = (1 << Math.Min(c.Device.MaxBits, 3)) - 1;
        return Enumerable.Range(0, n + 1).Select(k => c.Device.Conductance(k / (double)n, c.Element));
    }

    private static double[] Samples(DeviceCase c, ulong seed, double sigma)
    {
        var random = new CountingRandom(seed);
        return [.. Levels(c).SelectMany(g =>
        {
            var cell = c.Device.Program(g, c.Element, sigma, random);
            return new[] { cell.Conductance, cell.DriftExponent, c.Device.Read(cell, c.Element, sigma, 86400, random) };
        })];
    }

    private static string? Compare(DeviceCase c, string what, double[] x, double expectedMean, double declared, ref int tested)
    {
        // A clipped sample (at 0 or at a bound of the range) makes the estimate biased: such a level is not judged.
        if (x.Any(v => v <= 0 || v == c.Element.MinConductance || v == c.Element.MaxConductance) && declared > 0) return null;
        if (declared == 0)
            return x.All(v => v == expectedMean) ? null : $"{c}: {what}: declared sigma 0 but samples differ from {expectedMean} (e.g. {x.First(v => v != expectedMean)})";
        var mean = x.Average();
        var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        tested++;
        var n = x.Length;
        if (Math.Abs(sd - declared) > StandardErrors * declared / Math.Sqrt(2 * n))
            return $"{c}: {what}: sample sd {sd.ToString("G5", CultureInfo.InvariantCulture)} vs declared {declared.ToString("G5", CultureInfo.InvariantCulture)}";
        if (Math.Abs(mean - expectedMean) > StandardErrors * declared / Math.Sqrt(n))
            return $"{c}: {what}: sample mean {mean} vs {expectedMean}";
        return null;
    }
}
