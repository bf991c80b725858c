using System.Reflection;
using System.Runtime.Loader;

namespace HwDsl.Scripting;

/// <summary>
/// Runs a compiled script: loads its assembly (resolving its <c>#r</c> assemblies by path), calls the entry point
/// Roslyn generated with the globals, and turns failures into what the user should see: DSL errors with the script's
/// file and line (<see cref="SpecException"/> already carries them), other exceptions at the script line that threw.
/// </summary>
public static class ScriptRunner
{
    private static readonly Dictionary<string, string> ReferencePaths = new(StringComparer.OrdinalIgnoreCase);

    static ScriptRunner() => AssemblyLoadContext.Default.Resolving += (context, name) =>
    {
        string? path;
        lock (ReferencePaths) ReferencePaths.TryGetValue(name.Name ?? "", out path);
        return path is null ? null : context.LoadFromAssemblyPath(path);
    };

    /// <summary>
    /// Checks <paramref name="parameters"/> against the names the script reads, then runs it with <paramref name="globals"/>.
    /// Throws <see cref="ScriptException"/> (unknown parameter, a failure in the script), <see cref="SpecException"/>, or
    /// <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public static object? Run(CompiledScript script, ScriptGlobals globals, IEnumerable<string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(globals);
        CheckParameters(script, parameters ?? []);
        globals.CheckParameters(script);
        lock (ReferencePaths)
            foreach (var r in script.References) ReferencePaths[AssemblyName.GetAssemblyName(r).Name!] = r;

        var assembly = Assembly.Load(script.Assembly, script.Pdb);
        var entry = assembly.GetType(script.EntryType, throwOnError: true)!
            .GetMethod(script.EntryMethod, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
        // Roslyn's submission array: slot 0 holds the globals, slot 1 receives this submission's instance.
        var submissions = new object?[] { globals, null };
        try
        {
            var task = (Task<object?>)entry.Invoke(null, [submissions])!;
            return task.GetAwaiter().GetResult();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw Describe(e.InnerException, script, assembly);
        }
        catch (Exception e) when (e is not (OperationCanceledException or SpecException or ScriptException))
        {
            throw Describe(e, script, assembly);
        }
    }

    private static void CheckParameters(CompiledScript script, IEnumerable<string> given)
    {
        var unknown = given.Where(g => !script.Parameters.Contains(g, StringComparer.Ordinal)).ToArray();
        if (unknown.Length == 0) return;
        var known = script.Parameters.Count == 0 ? "it reads none" : "it reads: " + string.Join(", ", script.Parameters);
        throw new ScriptException($"--set {string.Join(", ", unknown)}: {ScriptPaths.Display(script.Path)} does not read "
            + (unknown.Length == 1 ? "this parameter" : "these parameters") + $" with Param(\"name\", …); {known}.");
    }

    /// <summary>An exception thrown inside the script, located at the deepest script line on its stack.</summary>
    private static Exception Describe(Exception e, CompiledScript script, Assembly assembly)
    {
        if (e is OperationCanceledException or SpecException or ScriptException) return e;
        if (e is AggregateException { InnerExceptions.Count: 1 } a) return Describe(a.InnerException!, script, assembly);
        var where = ScriptLines.Locate(e, assembly, script.Pdb) is var (file, line)
            ? $"{ScriptPaths.Display(file)}({line})" : ScriptPaths.Display(script.Path);
        return e switch
        {
            HwDsl.Training.TrainingDivergedException => new ScriptException($"{where}: error: {e.Message}", ScriptException.Diverged),
            HwDsl.Experiments.RunException => new ScriptException($"{where}: error: {e.Message}", ScriptException.BadInput),
            // .NET's file system messages name the path.
            IOException or UnauthorizedAccessException => new ScriptException($"{where}: error: {e.Message}", ScriptException.BadInput),
            _ => new ScriptException($"{where}: error: {e.GetType().Name}: {e.Message}"),
        };
    }

    /// <summary>A <see cref="SpecException"/>'s errors, one per line, with script paths shown relative to the working folder.</summary>
    public static string Describe(SpecException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return string.Join("\n", e.Errors.Select(err => err.Where.HasLocation
            ? $"{ScriptPaths.Display(err.File)}({err.Line}): error {err.Code}: {err.Message}"
            : err.ToString()));
    }
}
