namespace HwDsl.Sweeps.Tests;

/// <summary>A fresh folder under /tmp (world-readable, so Slurm jobs of any user can use it), removed afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Directory.CreateTempSubdirectory("hwdsl-sweep-test-").FullName;
        System.IO.File.SetUnixFileMode(Path, (UnixFileMode)0b111_111_101);
    }

    public string Path { get; }

    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
