namespace HwDsl.Compiler;

/// <summary>An output stage whose state is calibrated from data after programming (an ADC with a calibrated range): during
/// <see cref="Calibrating"/> passes it sets its state from what it sees before acting.</summary>
public interface ICalibratedStage
{
    /// <summary>True when the stage needs a calibration pass after every programming.</summary>
    bool NeedsCalibration { get; }

    /// <summary>True during the calibration pass.</summary>
    bool Calibrating { get; set; }
}
