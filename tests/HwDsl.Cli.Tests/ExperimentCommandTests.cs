namespace HwDsl.Cli.Tests;

public sealed class ExperimentCommandTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "hwdsl-obq-" + Guid.NewGuid().ToString("N"));

    public void Dispose() { if (Directory.Exists(_output)) Directory.Delete(_output, true); }

    [Fact]
    public void Quick_obradovic_sweep_prints_the_table_and_writes_csv_markdown_and_run_folders()
    {
        var (exit, output, err) = Hwdsl.Run("experiment", "obradovic2018", "--quick", "--seeds", "0", "--output", _output, "--threads", "2");
        Assert.True(exit == 0, err);
        Assert.Contains("| point | naive mapping | Δ pp | hw-aware (sigmoid relaxation)", output);
        Assert.Matches(@"Float baseline: 9\d\.\d\d ± 0\.00 %", output);
        Assert.Matches(@"\| W4/A4 r=10 a=0\.1 ν=2 \| \d+\.\d\d ± 0\.00 % \| [+-]\d+\.\d\d \|", output);
        var csv = File.ReadAllLines(Path.Combine(_output, "obradovic2018-mnist.csv"));
        Assert.Equal("dataset,point,weight_bits,activation_bits,on_off_ratio,asymmetry,non_linearity,mode,seed,deployed_accuracy,samples_per_s", csv[0]);
        Assert.Equal(1 + 1 + 2 * 2 + 1, csv.Length);   // header, float, naive + hw-aware per point, STE at the headline point
        Assert.True(File.Exists(Path.Combine(_output, "obradovic2018-mnist.md")));
        Assert.Equal(4, Directory.GetDirectories(Path.Combine(_output, "runs")).Length);   // float, 2 hw-aware, 1 STE
    }

    [Theory]
    [InlineData("muller2015", "unknown experiment 'muller2015'; known: obradovic2018")]
    [InlineData("obradovic2018|--dataset|cifar", "--dataset: 'cifar' is not one of mnist, fashion-mnist")]
    [InlineData("obradovic2018|--epochs|0", "--epochs must be at least 1; got 0")]
    public void Bad_experiment_arguments_are_one_line_errors(string args, string expected)
    {
        var (exit, _, err) = Hwdsl.Run(["experiment", .. args.Split('|'), "--output", _output]);
        Assert.Equal(2, exit);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("   at ", err);
    }
}
