using System.Runtime.InteropServices;
using System.Security.Cryptography;
using HwDsl.Training;

namespace HwDsl.Experiments;

/// <summary>
/// <c>checkpoint.bin</c> in a run folder: the <see cref="TrainingCheckpoint"/> after the last finished epoch and the β of
/// every finished epoch (for metrics.csv), little-endian, ending with a SHA-256 of everything before it. Replaced
/// atomically after each epoch, so a run killed at any moment keeps the previous epoch's or this one's, never a part.
/// The checkpoint after the last epoch drops the optimizer's buffers: nothing trains after it, and the weights are what a
/// resumed script needs from a finished run.
/// </summary>
public static class CheckpointFile
{
    /// <summary>The file name in a run folder.</summary>
    public const string Name = "checkpoint.bin";

    private const uint Magic = 0x4B435748; // "HWCK"
    private const int Version = 1;

    /// <summary>Writes the checkpoint into <paramref name="run"/>.</summary>
    public static void Write(RunFolder run, TrainingCheckpoint checkpoint, IReadOnlyList<double> betas, bool final, string file = Name)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(checkpoint.EpochsDone);
            Arrays(w, checkpoint.Parameters);
            w.Write(checkpoint.Optimizer.Steps);
            Arrays(w, final ? [] : checkpoint.Optimizer.Buffers);
            w.Write(checkpoint.ModelState.Length);
            w.Write(checkpoint.ModelState);
            w.Write(checkpoint.Epochs.Count);
            foreach (var m in checkpoint.Epochs)
            {
                w.Write(m.Epoch); w.Write(m.Epochs);
                foreach (var v in new[] { m.LearningRate, m.TrainLoss, m.TrainAccuracy, m.TestLoss, m.TestAccuracy, m.SamplesPerSecond }) w.Write(v);
                w.Write(m.TrainTime.Ticks); w.Write(m.Elapsed.Ticks); w.Write(m.Remaining.Ticks);
            }
            w.Write(betas.Count);
            foreach (var b in betas) w.Write(b);
        }
        var body = buffer.ToArray();
        run.WriteBytes(file, [.. body, .. SHA256.HashData(body)]);
    }

    /// <summary>Reads the checkpoint of <paramref name="folder"/>, or null when there is none; a damaged file is a <see cref="RunException"/>.</summary>
    public static (TrainingCheckpoint Checkpoint, IReadOnlyList<double> Betas)? Read(string folder, string file = Name)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path)) return null;
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 40 || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            throw new RunException($"{path}: the checkpoint is damaged (its checksum does not match); delete it to start that run again from its first epoch.");
        using var r = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 32));
        if (r.ReadUInt32() != Magic || r.ReadInt32() != Version)
            throw new RunException($"{path}: not a checkpoint of this hwdsl (format {Version}); delete it to start that run again.");
        var done = r.ReadInt32();
        var parameters = Arrays(r);
        var steps = r.ReadInt32();
        var buffers = Arrays(r);
        var state = r.ReadBytes(r.ReadInt32());
        var epochs = new EpochMetrics[r.ReadInt32()];
        for (var i = 0; i < epochs.Length; i++)
        {
            var (epoch, count) = (r.ReadInt32(), r.ReadInt32());
            var v = new double[6];
            for (var k = 0; k < v.Length; k++) v[k] = r.ReadDouble();
            epochs[i] = new EpochMetrics(epoch, count, v[0], v[1], v[2], v[3], v[4], v[5],
                TimeSpan.FromTicks(r.ReadInt64()), TimeSpan.FromTicks(r.ReadInt64()), TimeSpan.FromTicks(r.ReadInt64()));
        }
        var betas = new double[r.ReadInt32()];
        for (var i = 0; i < betas.Length; i++) betas[i] = r.ReadDouble();
        return (new TrainingCheckpoint(done, parameters, new OptimizerState(steps, buffers), state, epochs), betas);
    }

    private static void Arrays(BinaryWriter w, IReadOnlyList<float[]> arrays)
    {
        w.Write(arrays.Count);
        foreach (var a in arrays)
        {
            w.Write(a.Length);
            w.Write(MemoryMarshal.AsBytes(a.AsSpan()));
        }
    }

    private static float[][] Arrays(BinaryReader r)
    {
        var arrays = new float[r.ReadInt32()][];
        for (var i = 0; i < arrays.Length; i++)
        {
            arrays[i] = new float[r.ReadInt32()];
            r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(arrays[i].AsSpan()));
        }
        return arrays;
    }
}
