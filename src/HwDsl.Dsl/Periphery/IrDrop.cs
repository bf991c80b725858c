namespace HwDsl;

/// <summary>
/// IR drop on the tile's wires: one segment of resistance r (relative: r·Gmax, e.g. 1e-4) before each cell on its row
/// (driver side, column 1) and after each cell on its column (integrator side, after row N). First order in r, the
/// correction is linear in the inputs and folds into the programmed conductances once per programming:
/// <code>
/// ΔG_ij = −r·G_ij·Σ_k G_ik·min(j, k)  −  r·G_ij·Σ_l G_lj·(N − max(i, l) + 1)
/// </code>
/// (rows and columns counted from 1), so a deployed layer still computes at GEMM speed. Each element array of a differential
/// pair (G⁺, G⁻) drops on its own wires; a single element's reference is ideal. Acts as deployed on multi-level layers
/// (not in training, not on binary layers: HW0807). The model is first order: within 1 % of the exact nodal solve while
/// r·N·M·Ḡ of a tile stays below about 0.1, and meaningless (it overshoots) beyond about 1 (<c>hwdsl irdrop</c>, docs/results.md).
/// <c>hw.IrDrop(wire: 1e-5)</c>; r in [0, 0.01] (HW0806).
/// </summary>
/// <param name="Wire">Resistance of one wire segment times Gmax.</param>
public sealed record IrDrop(double Wire) : PeripheryStageSpec
{
    /// <summary>The largest r accepted (the first-order model is far off before that; see docs/results.md).</summary>
    public const double MaxWire = 0.01;

    /// <inheritdoc />
    public override string Name => nameof(IrDrop);

    /// <inheritdoc />
    public override int Position => 0;

    /// <inheritdoc />
    public override StagePlace Place => StagePlace.Array;

    /// <inheritdoc />
    public override bool IsIdentity => Wire == 0;

    /// <inheritdoc />
    public override IEnumerable<StageProblem> Check(LayerHardware layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (!(Wire >= 0 && Wire <= MaxWire))
            yield return new StageProblem(RuleCodes.IrDrop, "IrDrop.wire", Wire,
                $"IrDrop wire must be in [0, {Format.Value(MaxWire)}] (one segment's resistance times Gmax); got {Format.Value(Wire)}.");
        else if (layer.Binary && Wire > 0)
            yield return new StageProblem(RuleCodes.IrDropOnBinary, "IrDrop.wire", Wire,
                "IrDrop is modelled on multi-level layers only; this layer has binary weights (Binary()).");
    }

    /// <inheritdoc />
    public override string ToString() => $"IrDrop(wire {Format.Value(Wire)})";
}
