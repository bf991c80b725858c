namespace HwDsl.Contracts.Tests.Devices;

/// <summary>Hands out the given normal draws in order (and uniforms likewise), to evaluate a device at chosen z.</summary>
internal sealed class ScriptedRandom(params double[] normals) : IRandomSource
{
    private int _next;

    public double NextNormal() => normals[_next++];

    public double NextUniform() => normals[_next++];
}
