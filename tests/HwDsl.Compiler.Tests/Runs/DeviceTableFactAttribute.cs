namespace HwDsl.Compiler.Tests;

/// <summary>A fact that runs only when HWDSL_DEVICE_TABLE is set (an experiment run through the test runner, minutes
/// long); otherwise it is reported as skipped, never as passed.</summary>
public sealed class DeviceTableFactAttribute : FactAttribute
{
    public DeviceTableFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HWDSL_DEVICE_TABLE")))
            Skip = "set HWDSL_DEVICE_TABLE=epochs[,seed,...] (and HWDSL_DEVICE_TABLE_OUT=file) to produce docs/results.md's device table";
    }
}
