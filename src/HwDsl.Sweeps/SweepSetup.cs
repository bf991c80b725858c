namespace HwDsl.Sweeps;

/// <summary>
/// Turns what the user asked for into a sweep folder: checks the declaration against what the point runs (the
/// script's <c>Param</c> names, or the command template's placeholders), then creates the folder — or, with
/// resume, reopens it and makes sure a re-declared sweep is the same one.
/// </summary>
public static class SweepSetup
{
    /// <summary>Builds the manifest for <paramref name="declaration"/> without touching the disk.</summary>
    public static SweepManifest Plan(string? script, string? template, bool quick, IReadOnlyList<string> scriptArgs, SweepDeclaration declaration)
    {
        if (script is null == template is null)
            throw new SweepException(script is null
                ? "give the script to sweep (hwdsl sweep script.csx --grid ...) or a command line (--command 'prog --x {x} --out {output}')."
                : "give either a script or --command, not both.");
        var points = declaration.Points();
        PointCommand command;
        string name;
        if (script is not null)
        {
            var full = Path.GetFullPath(script);
            ScriptParameters.Find(full).Check(declaration.Names, declaration.SourceOf, full);
            command = new PointCommand(full, null, quick, scriptArgs);
            name = Path.GetFileNameWithoutExtension(full);
        }
        else
        {
            command = new PointCommand(null, template, quick, scriptArgs);
            command.CheckTemplate(points, declaration.Names, declaration.SourceOf);
            name = "command";
        }
        return new SweepManifest(SweepManifest.CurrentVersion, name, command, declaration.Names, points, DateTime.UtcNow);
    }

    /// <summary>A fresh sweep in <paramref name="output"/>; a folder that already holds one is an error that says what to do.</summary>
    public static SweepFolder Create(SweepManifest manifest, string output)
    {
        if (File.Exists(SweepFolder.ManifestPath(output)))
        {
            var existing = SweepFolder.Open(output);
            throw new SweepException(SamePoints(existing.Manifest, manifest)
                ? $"'{output}' already holds this sweep; add --resume to run only its unfinished points, or choose another --output."
                : $"'{output}' already holds a different sweep ({existing.Manifest.Points.Count} points of {existing.Manifest.Name}); choose another --output.");
        }
        return SweepFolder.Create(output, manifest);
    }

    /// <summary>Reopens the sweep in <paramref name="output"/>; when <paramref name="declared"/> is given it must have the same points.</summary>
    public static SweepFolder Resume(string output, SweepManifest? declared)
    {
        if (!File.Exists(SweepFolder.ManifestPath(output)))
            throw new SweepException($"--resume: '{output}' holds no sweep (no sweep.json); give the --output of an earlier 'hwdsl sweep', or drop --resume to start one.");
        var folder = SweepFolder.Open(output);
        if (declared is not null && !SamePoints(folder.Manifest, declared))
            throw new SweepException($"--resume: the sweep in '{output}' has other points than the ones given now; resume it without --grid/--point, or choose another --output.");
        return folder;
    }

    /// <summary><c>sweeps/NAME-yyyyMMdd-HHmmss</c> under the working directory.</summary>
    public static string DefaultOutput(SweepManifest manifest)
        => Path.Combine("sweeps", $"{manifest.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");

    private static bool SamePoints(SweepManifest a, SweepManifest b)
        => a.Points.Select(p => p.Id).Order(StringComparer.Ordinal).SequenceEqual(b.Points.Select(p => p.Id).Order(StringComparer.Ordinal))
           && a.Command.Script == b.Command.Script && a.Command.Template == b.Command.Template;
}
