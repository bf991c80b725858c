namespace HwDsl;

/// <summary>How the network is trained and evaluated.</summary>
public enum TrainingMode
{
    /// <summary>Software baseline: float training, evaluated in float (the hardware is not used).</summary>
    Float,

    /// <summary>Float training, then the weights are mapped onto the hardware and the deployed model is evaluated.</summary>
    NaiveMapping,

    /// <summary>Training through a relaxation of the hardware (see <see cref="RelaxationSpec"/>); the deployed model is evaluated.</summary>
    HardwareAware,
}
