using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace HwDsl.Scripting;

/// <summary>
/// Maps a stack frame in a script assembly to its file and line through the script's portable PDB. The runtime does
/// not read symbols of assemblies loaded from bytes, so the stack trace alone has no script lines.
/// </summary>
internal static class ScriptLines
{
    /// <summary>The deepest frame of <paramref name="e"/> that lies in <paramref name="assembly"/>, as (file, line); null when none.</summary>
    public static (string File, int Line)? Locate(Exception e, System.Reflection.Assembly assembly, byte[] pdb)
    {
        if (pdb.Length == 0) return null;
        using var provider = MetadataReaderProvider.FromPortablePdbImage(System.Collections.Immutable.ImmutableArray.Create(pdb));
        var reader = provider.GetMetadataReader();
        foreach (var frame in new StackTrace(e, fNeedFileInfo: false).GetFrames())
        {
            var method = frame.GetMethod();
            if (method is null || method.Module.Assembly != assembly || frame.GetILOffset() < 0) continue;
            var handle = MetadataTokens.MethodDebugInformationHandle(method.MetadataToken & 0xFFFFFF);
            SequencePoint? best = null;
            foreach (var sp in reader.GetMethodDebugInformation(handle).GetSequencePoints())
                if (!sp.IsHidden && sp.Offset <= frame.GetILOffset()) best = sp;
            if (best is { } found) return (reader.GetString(reader.GetDocument(found.Document).Name), found.StartLine);
        }
        return null;
    }
}
