namespace HwDsl.Compiler.Tests;

/// <summary>The cores' energy proxy in joules: synaptic events times the cited per-event energy.</summary>
public sealed class CoreEnergyTests
{
    [Fact]
    public void TrueNorth_prices_a_synaptic_event_at_26_pJ_and_names_its_source()
    {
        var t = CoreEnergy.TrueNorth2014;
        Assert.Equal(26e-12, t.SynapticEventEnergy);
        Assert.Equal(9464 * 26e-12, t.Joules(9464));   // one learned 5-core network's events per image in docs/results.md: 246 nJ
        Assert.Equal(0, t.Joules(0));
        Assert.Contains("Merolla", t.Source);
        Assert.Contains("passive", t.Source);
    }
}
