namespace HwDsl;

/// <summary>How an <see cref="Adc"/>'s bound B is chosen: <see cref="Fixed"/> or <see cref="Calibrated"/>.</summary>
public abstract record AdcRange
{
    /// <summary>A fixed bound B for every tile, in units of Gmax × full-scale input (finite, &gt; 0; HW0802).</summary>
    /// <param name="bound">The bound B.</param>
    public static AdcRange Fixed(double bound) => new FixedAdcRange(bound);

    /// <summary>B per tile = the <paramref name="percentile"/>-th percentile of |y| over that tile's columns on a calibration
    /// batch of training data, taken right after each programming (in (50, 100]; HW0803). 100 is the largest |y| seen.</summary>
    /// <param name="percentile">Percentile of |y|, e.g. 99.9.</param>
    public static AdcRange Calibrated(double percentile = 99.9) => new CalibratedAdcRange(percentile);
}
