using HwDsl.Contracts;

namespace HwDsl.Compiler;

/// <summary>
/// How one die's devices turn a binary weight s ∈ {−1, +1} into an effective weight, at the conductance level.
/// A weight programs G(s) = Ref + s·Δ (Ref = (G0 + G1)/2, Δ = (G1 − G0)/2, G0/G1 the device's two states); a working
/// device holds m·G (m its variation factor), an open one Gmin, a shorted one Gmax, a stuck one G(u) at its level u.
/// Writing each device as G' = a·G + c (a = m, c = 0 working; a = 0, c = G_stuck stuck), the effective weight is affine
/// in s, w = k·s + o:
/// <code>
/// one device vs Ref:     w = (G' − Ref)/Δ                    k = a,              o = (a·Ref + c − Ref)/Δ
/// complementary pair:    w = (G⁺' − G⁻')/(2Δ), G⁻ = Ref − sΔ   k = (a⁺ + a⁻)/2,   o = (a⁺·Ref + c⁺ − a⁻·Ref − c⁻)/(2Δ)
/// </code>
/// Ideal devices give k = 1, o = 0 (w = s) whatever the on/off ratio; a finite ratio makes variation count more (Ref/Δ grows).
/// </summary>
public sealed class BinaryDeviceMapping
{
    private readonly IDevice _device;
    private readonly ElementParameters _element;

    /// <summary>The mapping for <paramref name="element"/> of the configured <paramref name="device"/>
    /// (<paramref name="name"/> names it in errors).</summary>
    public BinaryDeviceMapping(IDevice device, ElementParameters element, string name = "device")
    {
        _device = device;
        _element = element;
        G0 = device.Conductance(0, element);
        G1 = device.Conductance(1, element);
        if (!(G1 > G0) || !double.IsFinite(G0) || !double.IsFinite(G1))
            throw new ArgumentException($"device '{name}' gives no usable binary states: G(0) = {G0:R}, G(1) = {G1:R} (needs G(1) > G(0)).");
        Reference = (G0 + G1) / 2;
        Half = (G1 - G0) / 2;
    }

    /// <summary>Conductance of the −1 state (antiparallel / off).</summary>
    public double G0 { get; }

    /// <summary>Conductance of the +1 state (parallel / on).</summary>
    public double G1 { get; }

    /// <summary>Gmin, where an open device sits.</summary>
    public double Gmin => _element.MinConductance;

    /// <summary>Gmax, where a shorted device sits.</summary>
    public double Gmax => _element.MaxConductance;

    /// <summary>The reference (G0 + G1)/2.</summary>
    public double Reference { get; }

    /// <summary>Δ = (G1 − G0)/2.</summary>
    public double Half { get; }

    /// <summary>The conductance one device holds when programmed to state <paramref name="s"/> (±1).</summary>
    public double Conductance(DeviceState state, float value, int s) => state switch
    {
        DeviceState.Ok => value * (s > 0 ? G1 : G0),
        DeviceState.Open => Gmin,
        DeviceState.Short => Gmax,
        _ => _device.Conductance(value, _element),
    };

    /// <summary>Fills k and o (one per weight) for <paramref name="die"/>; null means ideal devices (k = 1, o = 0).</summary>
    public void Affine(ArrayDefects? die, float[] k, float[] o)
    {
        if (die is null)
        {
            Array.Fill(k, 1f);
            Array.Clear(o);
            return;
        }
        if (k.Length != die.Rows * die.Cols || o.Length != k.Length)
            throw new ArgumentException($"die map of layer {die.Layer} is {die.Rows}×{die.Cols}; the weights hold {k.Length}.");
        var states = die.States;
        var values = die.Values;
        for (var i = 0; i < k.Length; i++)
        {
            var (ap, cp) = Device(states[i * die.Elements], values[i * die.Elements]);
            if (die.Elements == 1)
            {
                k[i] = (float)ap;
                o[i] = (float)((ap * Reference + cp - Reference) / Half);
            }
            else
            {
                var (an, cn) = Device(states[i * 2 + 1], values[i * 2 + 1]);
                k[i] = (float)((ap + an) / 2);
                o[i] = (float)((ap * Reference + cp - an * Reference - cn) / (2 * Half));
            }
        }
    }

    private (double A, double C) Device(DeviceState state, float value) => state switch
    {
        DeviceState.Ok => (value, 0),
        DeviceState.Open => (0, Gmin),
        DeviceState.Short => (0, Gmax),
        _ => (0, _device.Conductance(value, _element)),
    };
}
