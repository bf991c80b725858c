using HwDsl.Contracts;

namespace HwDsl.Plugins.Tests;

public sealed class ContractVersionTests
{
    [Fact]
    public void The_contract_assembly_version_is_the_declared_contract_version()
    {
        // Plugins record this assembly version in their reference; the host checks it without loading the plugin.
        Assert.Equal(new Version(ContractVersion.Major, ContractVersion.Minor, 0, 0), typeof(IDeviceModel).Assembly.GetName().Version);
        Assert.Equal(new Version(ContractVersion.Major, ContractVersion.Minor, 0, 0), PluginHost.ContractVersion);
    }

    [Theory]
    [InlineData("1.0", "1.0", true)]
    [InlineData("1.0", "1.3", true)]
    [InlineData("1.3", "1.3", true)]
    [InlineData("1.4", "1.3", false)]
    [InlineData("2.0", "1.3", false)]
    [InlineData("0.1", "1.0", false)]
    public void A_plugin_loads_with_the_same_major_and_a_minor_not_newer(string built, string host, bool loads)
    {
        var problem = ContractCompatibility.Problem(Version.Parse(built), Version.Parse(host));
        Assert.Equal(loads, problem is null);
        if (problem is not null) Assert.Contains($"contract {built}", problem);
    }
}
