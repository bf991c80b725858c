namespace HwDsl.Plugins.Tests;

/// <summary>All tests that need built plugins share one build (each dotnet build costs tens of seconds).</summary>
[CollectionDefinition(Name)]
public sealed class PluginCollection : ICollectionFixture<PluginWorkspace>
{
    public const string Name = "built plugins";
}
