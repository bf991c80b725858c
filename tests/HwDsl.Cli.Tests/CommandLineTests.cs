namespace HwDsl.Cli.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--epochs|x", "'x'")]
    [InlineData("--optimizer|foo", "unknown optimizer 'foo'; allowed: adam, adamw, sgd")]
    [InlineData("--dataset|cifar", "known data sets: mnist, fashion-mnist")]
    [InlineData("--threads|0", "--threads must be between 1 and 256; got 0")]
    [InlineData("--hidden|256,-3", "'-3' is not a positive whole number")]
    [InlineData("--lr|-0.1", "learning rate must be a positive finite number; got -0.1")]
    [InlineData("--schedule|linear", "unknown learning-rate schedule 'linear'")]
    [InlineData("--epochs|0", "epochs must be at least 1; got 0")]
    [InlineData("--bogus", "--bogus")]
    public void Bad_train_arguments_give_one_line_and_exit_2_without_a_stack_trace(string args, string expected)
    {
        var (exit, _, err) = Hwdsl.Run(["train", .. args.Split('|')]);
        Assert.Equal(2, exit);
        Assert.Contains(expected, err);
        Assert.StartsWith("hwdsl: ", err);
        Assert.DoesNotContain("   at ", err);
        Assert.True(err.Trim().Split('\n').Length <= 3, err);
    }

    [Theory]
    [InlineData("trian", "hwdsl: unknown command 'trian'; did you mean train?")]
    [InlineData("describ", "hwdsl: unknown command 'describ'; did you mean describe?")]
    [InlineData("frobnicate", "hwdsl: unknown command 'frobnicate'; the commands are train, describe, bench, run, repl, plugins, sweep, runs, replay, report, irdrop.")]
    [InlineData("", "hwdsl: give a command: train, describe, bench, run, repl, plugins, sweep, runs, replay, report, irdrop ('hwdsl --help' says what each does).")]
    [InlineData("train|--epoch|3", "hwdsl: train: unknown option '--epoch'; did you mean --epochs?")]
    [InlineData("plugins|--plugin|x", "hwdsl: plugins: unknown option '--plugin'; did you mean --plugins?")]
    [InlineData("train|--epochs|x", "hwdsl: --epochs: 'x' is not a whole number.")]
    [InlineData("bench|--rounds|1.5", "hwdsl: --rounds: '1.5' is not a whole number.")]
    [InlineData("train|--lr|abc", "hwdsl: --lr: 'abc' is not a number.")]
    [InlineData("train|--activation|foo", "hwdsl: --activation: 'foo' is not one of relu, clippedrelu, tanh, sigmoid, sign.")]
    [InlineData("run", "hwdsl: run: the <script> argument is missing; see 'hwdsl run --help'.")]
    [InlineData("train|--seeds", "hwdsl: --seeds: needs a value.")]
    public void A_command_line_that_does_not_parse_gets_one_line_in_words_and_the_nearest_name(string args, string expected)
    {
        var (exit, _, err) = Hwdsl.Run(args.Length == 0 ? [] : args.Split('|'));
        Assert.Equal(2, exit);
        Assert.Equal(expected, err.Trim());
        Assert.DoesNotContain("Required command was not provided", err);
        Assert.DoesNotMatch(@"System\.|Int32|Double|HwDsl\.Training", err);   // no .NET type names
    }

    [Fact]
    public void A_diverging_training_stops_at_once_and_exits_3_naming_epoch_batch_and_tensor()
    {
        // It printed "loss NaN", then "test accuracy 9.80 %", and exited 0.
        var (exit, output, err) = Hwdsl.Run("train", "--lr", "3e38", "--optimizer", "sgd", "--hidden", "32", "--epochs", "2", "--threads", "1");
        Assert.True(exit == 3, $"exit {exit}\n{err}\n{output}");
        Assert.Matches(@"^hwdsl: training diverged at epoch 1/2, batch \d+/600: (the mini-batch loss is (NaN|\+∞)|dense layer \d (weights|bias) .* became)", err);
        Assert.Contains("(learning rate 3E+38); lower the learning rate", err);
        Assert.DoesNotContain("test accuracy", output);
        Assert.DoesNotContain("epoch   1/2", output);
    }

    [Fact]
    public void Options_are_checked_before_the_data_loads_and_layer_sizes_before_anything_is_allocated()
    {
        // An empty data folder: loading MNIST from it would fail (or fetch); a bad option must be reported first.
        var empty = Directory.CreateTempSubdirectory("hwdsl-empty-data-").FullName;
        try
        {
            var env = new Dictionary<string, string> { ["HWDSL_DATA"] = empty };
            var (exit, _, err) = Hwdsl.RunWith(env, "train", "--epochs", "-1");
            Assert.Equal(2, exit);
            Assert.Equal("hwdsl: epochs must be at least 1; got -1.", err.Trim());
            (exit, _, err) = Hwdsl.RunWith(env, "train", "--schedule", "cosine:2");
            Assert.Equal(2, exit);
            Assert.Contains("cosine schedule minimum factor must be in [0, 1]; got 2", err);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
        var (e2, _, err2) = Hwdsl.Run("train", "--hidden", "65536,65536", "--epochs", "1");
        Assert.Equal(2, e2);
        Assert.Contains("hwdsl: dense layer 2 (65536 → 65536) needs a 65536×65536 weight matrix of 4,294,967,296 values; one array holds at most 2,147,483,591", err2);
    }

    [Fact]
    public void HWDSL_DATA_naming_a_missing_folder_exits_2_naming_the_variable()
    {
        var missing = Path.Combine(Path.GetTempPath(), "hwdsl-missing-" + Guid.NewGuid().ToString("N"));
        var (exit, _, err) = Hwdsl.RunWith(new Dictionary<string, string> { ["HWDSL_DATA"] = missing }, "train", "--epochs", "1");
        Assert.Equal(2, exit);
        Assert.StartsWith($"hwdsl: HWDSL_DATA={missing}: the folder {missing} does not exist", err);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void Runs_lists_nothing_for_an_empty_folder_and_refuses_a_missing_one()
    {
        var empty = Directory.CreateTempSubdirectory("hwdsl-runs-").FullName;
        try
        {
            var (exit, output, _) = Hwdsl.Run("runs", empty);
            Assert.Equal(0, exit);
            Assert.Contains("no run folders below", output);
            (exit, _, var err) = Hwdsl.Run("runs", Path.Combine(empty, "nope"));
            Assert.Equal(2, exit);
            Assert.Contains("no such folder", err);
            (exit, _, err) = Hwdsl.Run("replay", empty);
            Assert.Equal(2, exit);
            Assert.Contains("not a run folder (no readable run.json)", err);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void Describe_reports_version_simd_path_cores_and_data_cache()
    {
        var (exit, output, _) = Hwdsl.Run("describe");
        Assert.Equal(0, exit);
        Assert.Matches(@"hwdsl \d+\.\d+\.\d+", output);
        Assert.Matches(@"MAC core: (Vector512|Vector256|scalar)", output);
        Assert.Contains($"cores: {Environment.ProcessorCount}", output);
        Assert.Contains("mnist", output);
        Assert.Contains("fashion-mnist", output);
    }

    [Fact]
    public void Train_prints_one_plain_line_per_epoch_when_piped_and_a_summary()
    {
        var (exit, output, err) = Hwdsl.Run("train", "--epochs", "2", "--hidden", "32", "--seeds", "4,5", "--threads", "1");
        Assert.True(exit == 0, err);
        Assert.Equal(4, output.Split('\n').Count(l => l.StartsWith("epoch ")));
        Assert.Contains("epoch   2/2", output);
        Assert.Matches(@"samples/s", output);
        var summary = output.Split('\n').Single(l => l.StartsWith("test accuracy"));
        Assert.Matches(@"test accuracy 9\d\.\d\d % ± \d\.\d\d pp over seeds \[4, 5\]", summary);
        Assert.DoesNotContain("\u001b[", output);   // no terminal control codes in a pipe
    }

    [Fact]
    public void Bench_measures_every_gemm_shape_without_a_peer()
    {
        var (exit, output, err) = Hwdsl.Run("bench", "--only", "gemm", "--threads", "1", "--rounds", "1", "--seconds", "0.02", "--peer", "none");
        Assert.True(exit == 0, err);
        var rows = output.Split('\n').Where(l => l.StartsWith("| ") && !l.StartsWith("| product")).ToList();
        Assert.Equal(9, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"\| \d+\.\d \| – \| – \|$", r.Trim()));
    }

    [Fact]
    public void Bench_rejects_bad_values_naming_them()
    {
        var (exit, _, err) = Hwdsl.Run("bench", "--peer", "maybe");
        Assert.Equal(2, exit);
        Assert.Contains("--peer: 'maybe' is not one of auto, required, none", err);
        (exit, _, err) = Hwdsl.Run("bench", "--only", "gemm,dice");
        Assert.Equal(2, exit);
        Assert.Contains("--only: 'dice' is not one of gemm, train, hwaware, lenet, dies, cores, periphery, all", err);
    }

    [Fact]
    public void Bench_runs_the_monte_carlo_row_alone_and_reports_the_load()
    {
        var (exit, output, err) = Hwdsl.Run("bench", "--only", "dies", "--dies", "2", "--threads", "1", "--train-rounds", "1", "--peer", "none");
        Assert.True(exit == 0, err);
        Assert.Matches(@"\| 2 dies × 10,000 images \| \d+\.\d\d \| – \| – \| [\d,]+ \|", output);
        Assert.Matches(@"load average: \d+\.\d+, ", output);
        Assert.DoesNotContain("GEMM", output);
        Assert.DoesNotContain("Float MLP", output);
    }
}
