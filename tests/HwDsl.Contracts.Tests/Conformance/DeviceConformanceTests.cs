namespace HwDsl.Contracts.Tests.Conformance;

/// <summary>Runs the conformance suite against every shipped device, one test per check so a failure says which.</summary>
public sealed class DeviceConformanceTests
{
    private static IEnumerable<DeviceCase> Cases(string name) => DeviceCase.All(ConformanceDevices.Models[name]);

    private static void Pass(IEnumerable<string> violations)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, string.Join("\n", list.Take(10)));
    }

    [Theory, MemberData(nameof(ConformanceDevices.Names), MemberType = typeof(ConformanceDevices))]
    public void Metadata_parameters_and_presets_are_valid(string device) => Pass(DeviceConformance.Metadata(ConformanceDevices.Models[device]));

    [Theory, MemberData(nameof(ConformanceDevices.Names), MemberType = typeof(ConformanceDevices))]
    public void Transfer_curve_is_monotone_and_inside_gmin_gmax(string device) => Pass(Cases(device).SelectMany(DeviceConformance.TransferCurve));

    [Theory, MemberData(nameof(ConformanceDevices.Names), MemberType = typeof(ConformanceDevices))]
    public void Derivative_matches_finite_differences(string device) => Pass(Cases(device).SelectMany(DeviceConformance.Derivative));

    [Theory, MemberData(nameof(ConformanceDevices.Names), MemberType = typeof(ConformanceDevices))]
    public void Same_seed_gives_same_samples(string device) => Pass(Cases(device).SelectMany(DeviceConformance.Determinism));

    [Theory, MemberData(nameof(ConformanceDevices.Names), MemberType = typeof(ConformanceDevices))]
    public void Draws_per_call_do_not_depend_on_the_conductance(string device) => Pass(Cases(device).SelectMany(DeviceConformance.DrawCounts));

    [Theory, MemberData(nameof(ConformanceDevices.Names), MemberType = typeof(ConformanceDevices))]
    public void Programming_noise_matches_the_declared_sigma(string device) => Pass(Cases(device).SelectMany(DeviceConformance.ProgrammingNoise));

    [Theory, MemberData(nameof(ConformanceDevices.Names), MemberType = typeof(ConformanceDevices))]
    public void Read_noise_matches_the_declared_sigma(string device) => Pass(Cases(device).SelectMany(DeviceConformance.ReadNoise));

    [Theory, MemberData(nameof(ConformanceDevices.Names), MemberType = typeof(ConformanceDevices))]
    public void Drift_is_zero_at_programming_and_monotone_in_time(string device) => Pass(Cases(device).SelectMany(DeviceConformance.Drift));

    [Theory, MemberData(nameof(ConformanceDevices.Names), MemberType = typeof(ConformanceDevices))]
    public void Defects_read_finite_conductances(string device) => Pass(Cases(device).SelectMany(DeviceConformance.Defects));

    [Fact]
    public void A_broken_device_fails_the_suite()
    {
        // The suite must be able to fail: a device whose curve dips, whose derivative is wrong and whose noise is twice what it declares.
        var violations = DeviceConformance.Check(new BrokenModel());
        Assert.Contains(violations, v => v.Contains("not monotone"));
        Assert.Contains(violations, v => v.Contains("dG/du"));
        Assert.Contains(violations, v => v.Contains("sample sd"));
        Assert.Contains(violations, v => v.Contains("drift is not monotone"));
    }
}
