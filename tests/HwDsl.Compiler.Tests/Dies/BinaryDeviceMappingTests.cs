using HwDsl.Compiler;
using HwDsl.Contracts;

namespace HwDsl.Compiler.Tests;

/// <summary>Each defect kind moves the device's conductance where it is declared to, and the effective weight follows.</summary>
public sealed class BinaryDeviceMappingTests
{
    private static readonly ElementParameters Mtj = new(2.5, 0, 1);          // G0 = 0.4, G1 = 1 (TMR 150 %)
    private static BinaryDeviceMapping Mapping() => new(NvmDevice.Instance, Mtj);

    private static ArrayDefects Array(int elements, params (DeviceState State, float Value)[] devices)
    {
        var a = new ArrayDefects(0, 1, devices.Length / elements, elements);
        for (var i = 0; i < devices.Length; i++) (a.States[i], a.Values[i]) = devices[i];
        return a;
    }

    private static (float[] K, float[] O) Affine(ArrayDefects a)
    {
        var k = new float[a.Rows * a.Cols];
        var o = new float[k.Length];
        Mapping().Affine(a, k, o);
        return (k, o);
    }

    [Fact]
    public void Open_pulls_to_Gmin_short_to_Gmax_stuck_to_its_level_ok_scales()
    {
        var m = Mapping();
        Assert.Equal(0.4, m.G0, 12);
        Assert.Equal(1.0, m.G1, 12);
        foreach (var s in new[] { -1, 1 })
        {
            Assert.Equal(m.Gmin, m.Conductance(DeviceState.Open, 0, s));
            Assert.Equal(m.Gmax, m.Conductance(DeviceState.Short, 1, s));
            Assert.Equal(NvmDevice.Instance.Conductance(0.3, Mtj), m.Conductance(DeviceState.Stuck, 0.3f, s), 6);
        }
        Assert.Equal(1.1 * 1.0, m.Conductance(DeviceState.Ok, 1.1f, +1), 6);
        Assert.Equal(0.9 * 0.4, m.Conductance(DeviceState.Ok, 0.9f, -1), 6);
    }

    [Fact]
    public void Single_device_weights_follow_the_conductance()
    {
        // w = (G' - Ref)/Δ with Ref = 0.7, Δ = 0.3; w = k·s + o.
        var (k, o) = Affine(Array(1, (DeviceState.Ok, 1), (DeviceState.Open, 0), (DeviceState.Short, 1), (DeviceState.Ok, 1.1f), (DeviceState.Stuck, 1)));
        float W(int i, int s) => k[i] * s + o[i];
        Assert.Equal((1f, -1f), (W(0, 1), W(0, -1)));                  // nominal: exactly ±1
        Assert.Equal((-1f, -1f), (W(1, 1), W(1, -1)));                 // open: Gmin whatever is programmed
        Assert.Equal((1f, 1f), (W(2, 1), W(2, -1)));                   // short: Gmax
        Assert.Equal((1.1 - 0.7) / 0.3, W(3, 1), 5);                   // variation, amplified by the finite ratio
        Assert.Equal((1.1 * 0.4 - 0.7) / 0.3, W(3, -1), 5);
        Assert.Equal(0f, k[4]);
    }

    [Fact]
    public void A_defective_device_in_a_pair_halves_or_cancels_the_weight()
    {
        // Pair: w = (G+ - G-)/(G1 - G0); an open G+ under +1 leaves (Gmin, G0) = (0.4, 0.4): w = 0.
        var (k, o) = Affine(Array(2, (DeviceState.Ok, 1), (DeviceState.Ok, 1), (DeviceState.Open, 0), (DeviceState.Ok, 1), (DeviceState.Ok, 1), (DeviceState.Short, 1)));
        Assert.Equal((1f, 0f), (k[0], o[0]));
        Assert.Equal(0, k[1] * 1 + o[1], 6);
        Assert.Equal(-1, k[1] * -1 + o[1], 6);         // open G+ under −1 sits where G0 would be anyway: (0.4 − 1)/0.6 = −1
        Assert.Equal(0, k[2] * 1 + o[2], 6);           // shorted G- under +1: (1 − 1)/0.6 = 0
    }

    [Fact]
    public void No_die_means_ideal_devices()
    {
        var k = new float[3];
        var o = new float[3];
        Mapping().Affine(null, k, o);
        Assert.Equal([1f, 1f, 1f], k);
        Assert.Equal([0f, 0f, 0f], o);
    }
}
