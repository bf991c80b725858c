namespace HwDsl.Contracts;

/// <summary>
/// The resolved value of every parameter of one device (defaults, then a preset, then the script's overrides),
/// validated by the host against <see cref="IDeviceModel.Parameters"/> before <see cref="IDeviceModel.Configure"/>.
/// </summary>
public sealed class DeviceSettings
{
    private readonly Dictionary<string, double> _values;

    /// <summary>Settings holding <paramref name="values"/> (names compared case-insensitively).</summary>
    /// <param name="values">Parameter name → value.</param>
    public DeviceSettings(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, double>(values, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No values: a device with no parameters, or one configured with its defaults by <see cref="Defaults"/>.</summary>
    public static DeviceSettings Empty { get; } = new(new Dictionary<string, double>());

    /// <summary>Every value, by parameter name.</summary>
    public IReadOnlyDictionary<string, double> Values => _values;

    /// <summary>The value of <paramref name="name"/>; a name the settings do not hold is an error naming what they hold.</summary>
    /// <param name="name">A parameter name.</param>
    public double Get(string name) => _values.TryGetValue(name, out var v)
        ? v
        : throw new KeyNotFoundException($"device setting '{name}' is not set; set: {string.Join(", ", _values.Keys.Order(StringComparer.OrdinalIgnoreCase))}.");

    /// <summary>
    /// Defaults of <paramref name="model"/>, then <paramref name="preset"/>'s values (when given), then
    /// <paramref name="overrides"/>. Names and ranges are checked: an unknown name or out-of-range value throws
    /// <see cref="ArgumentException"/> listing what exists.
    /// </summary>
    /// <param name="model">The device model.</param>
    /// <param name="preset">A preset name of the model, or null.</param>
    /// <param name="overrides">Parameter overrides, or null.</param>
    public static DeviceSettings Resolve(IDeviceModel model, string? preset = null, IReadOnlyDictionary<string, double>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parameters = model.Parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in model.Parameters) values[p.Name] = p.Default;

        void Apply(IReadOnlyDictionary<string, double> from, string what)
        {
            foreach (var (name, value) in from)
            {
                if (!parameters.TryGetValue(name, out var p))
                    throw new ArgumentException($"{what}: device '{model.Name}' has no parameter '{name}'; parameters: {Listing(model)}.");
                if (!p.Allows(value))
                    throw new ArgumentException($"{what}: device '{model.Name}' parameter {p.Name} = {value:G6} is outside [{p.Min:G6}, {p.Max:G6}] {UnitWords.Of(p.Unit)}.");
                values[p.Name] = value;
            }
        }

        if (preset is not null)
        {
            var found = model.Presets.FirstOrDefault(p => string.Equals(p.Name, preset, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"device '{model.Name}' has no preset '{preset}'; presets: {PresetListing(model)}.");
            Apply(found.Values, $"preset '{found.Name}'");
        }
        if (overrides is not null) Apply(overrides, "override");
        return new DeviceSettings(values);
    }

    /// <summary>The model's defaults (every parameter at <see cref="DeviceParameter.Default"/>).</summary>
    /// <param name="model">The device model.</param>
    public static DeviceSettings Defaults(IDeviceModel model) => Resolve(model);

    /// <summary>"a in [..] unit, b in [..] unit" or "(none)": the parameters of <paramref name="model"/> for messages.</summary>
    /// <param name="model">The device model.</param>
    public static string Listing(IDeviceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Parameters.Count == 0 ? "(none)" : string.Join(", ", model.Parameters);
    }

    /// <summary>The preset names of <paramref name="model"/> for messages, or "(none)".</summary>
    /// <param name="model">The device model.</param>
    public static string PresetListing(IDeviceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Presets.Count == 0 ? "(none)" : string.Join(", ", model.Presets.Select(p => p.Name));
    }

    /// <summary>"name=value, …" sorted by name.</summary>
    public override string ToString()
        => string.Join(", ", _values.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Select(kv => $"{kv.Key}={kv.Value:G6}"));
}
