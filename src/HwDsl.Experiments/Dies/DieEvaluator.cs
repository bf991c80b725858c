using HwDsl.Autodiff;
using HwDsl.Data;
using HwDsl.Kernels;
using HwDsl.Training;
using HwDsl.Compiler;

namespace HwDsl.Experiments;

/// <summary>Monte-Carlo evaluation of a trained binary network over a population of dies.</summary>
public static class DieEvaluator
{
    /// <summary>
    /// Test accuracy of <paramref name="network"/> deployed on each die (die i = <paramref name="die"/>(i)); the network's
    /// phase and deployed maps are left as they were. Deterministic for any thread count. A network of binary layers and
    /// activations is evaluated batched (<see cref="BatchedDieEvaluation"/>: the images packed once, dies in parallel), with
    /// the same results bit for bit as die after die; any other network die after die.
    /// </summary>
    public static IReadOnlyList<double> Evaluate(CompiledNetwork network, int count, Func<int, DieMap> die, DataSplit test, MacPool pool)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(die);
        if (count <= 0) return [];
        return BatchedDieEvaluation.Supports(network)
            ? BatchedDieEvaluation.Run(network, count, die, test, pool)
            : EvaluateOneByOne(network, count, die, test, pool);
    }

    /// <summary>Die after die through the network's own deployed phase (the reference the batched path is tested against).</summary>
    internal static IReadOnlyList<double> EvaluateOneByOne(CompiledNetwork network, int count, Func<int, DieMap> die, DataSplit test, MacPool pool)
    {
        var binary = network.BinaryLayers.ToList();
        var tape = new Tape<float>(pool);
        var phase = network.Phase;
        var accuracies = new double[count];
        try
        {
            network.Phase = NetworkPhase.Deployed;
            // Dies are independent draws, so a chunk of them is sampled in parallel (same maps whatever the thread
            // count) while the matrix products of each die use the whole pool one die after another.
            var chunk = 2 * Math.Max(1, pool.Threads);
            var maps = new DieMap[Math.Min(chunk, count)];
            for (var start = 0; start < count; start += chunk)
            {
                var n = Math.Min(chunk, count - start);
                Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, pool.Threads) }, j => maps[j] = die(start + j));
                for (var j = 0; j < n; j++)
                {
                    foreach (var layer in binary) layer.SetDeployedDie(maps[j].For(layer.Hardware.Index));
                    accuracies[start + j] = Evaluation.Run(network, test, tape, batchSize: 2000).Accuracy;
                }
            }
        }
        finally
        {
            foreach (var layer in binary) layer.SetDeployedDie(null);
            network.Phase = phase;
        }
        return accuracies;
    }

    /// <summary>
    /// Times a Monte-Carlo evaluation of <paramref name="network"/> over <paramref name="population"/> on <paramref name="test"/>,
    /// die sampling included, against the same number of plain passes on ideal devices (the bare matrix products it needs),
    /// each the median of <paramref name="repeats"/> runs.
    /// </summary>
    public static DieEvaluationTiming Measure(CompiledNetwork network, ExperimentSpec spec, DiePopulation population,
        DataSplit test, MacPool pool, int repeats = 3)
    {
        var shapes = DieSource.Shapes(network);
        var tape = new Tape<float>(pool);
        double Median(Action run)
        {
            var times = new List<double>();
            for (var r = 0; r < repeats; r++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                run();
                times.Add(clock.Elapsed.TotalSeconds);
            }
            return times.Order().ElementAt(times.Count / 2);
        }
        var dies = Median(() => Evaluate(network, population.Count, i => DieSource.Die(population, spec.Layers, shapes, i), test, pool));
        var phase = network.Phase;
        network.Phase = NetworkPhase.Float;
        var plain = Median(() => { for (var i = 0; i < population.Count; i++) Evaluation.Run(network, test, tape, batchSize: 2000); });
        network.Phase = phase;
        return new DieEvaluationTiming(population.Count, test.Count, dies, plain);
    }
}
