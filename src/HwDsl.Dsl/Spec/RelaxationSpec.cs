namespace HwDsl;

/// <summary>How hardware-aware training differentiates through the hardware's staircases.</summary>
public abstract record RelaxationSpec
{
    private protected RelaxationSpec() { }
}
