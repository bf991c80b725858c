using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HwDsl.Reports.Tests;

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol on a loopback port: open a page, collect every console
/// message, exception and log entry, evaluate script in it, take a full-page screenshot. bash .ci/run installs chromium.
/// </summary>
internal sealed partial class Chromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly List<string> _problems = [];
    private int _id;

    private Chromium(Process process, string profile) => (_process, _profile) = (process, profile);

    /// <summary>Console errors and warnings, uncaught exceptions and error log entries seen so far.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public static async Task<Chromium> StartAsync()
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: apt-get install chromium (bash .ci/run does).");
        var profile = Directory.CreateTempSubdirectory("hwdsl-chromium-").FullName;
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--no-default-browser-check", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                     $"--user-data-dir={profile}", "--window-size=1240,1000", "about:blank" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var browser = new Chromium(process, profile);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string? endpoint = null;
        while (endpoint is null && DateTime.UtcNow < deadline)
        {
            var line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line is null) break;
            if (DevTools().Match(line) is { Success: true } m) endpoint = m.Groups[1].Value;
        }
        Assert.True(endpoint is not null, "chromium did not print its DevTools endpoint within 60 s");
        _ = Drain(process.StandardError);
        var port = new Uri(endpoint!).Port;
        using var http = new HttpClient();
        // A page target: about:blank, opened at start.
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
        await browser._socket.ConnectAsync(new Uri(page), CancellationToken.None);
        await browser.SendAsync("Runtime.enable");
        await browser.SendAsync("Log.enable");
        await browser.SendAsync("Page.enable");
        return browser;
    }

    /// <summary>Opens <paramref name="file"/> and waits for its load event.</summary>
    public async Task OpenAsync(string file)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri }, waitForEvent: "Page.loadEventFired");
    }

    /// <summary>Evaluates <paramref name="expression"/> (which must give a string) in the page.</summary>
    public async Task<string> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } e) throw new InvalidOperationException($"evaluation failed: {e.ToJsonString()}");
        return result["result"]!["value"]!.GetValue<string>();
    }

    /// <summary>A PNG of the whole page.</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var height = int.Parse(await EvaluateAsync("String(Math.ceil(document.documentElement.scrollHeight))"), System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1240, ["height"] = Math.Min(height, 16000), ["deviceScaleFactor"] = 1, ["mobile"] = false });
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        return Convert.FromBase64String(shot["data"]!.GetValue<string>());
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null, string? waitForEvent = null)
    {
        var id = ++_id;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        JsonNode? reply = null;
        var seenEvent = waitForEvent is null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (reply is null || !seenEvent)
        {
            var node = await ReceiveAsync(timeout.Token);
            if (node["id"] is { } rid && rid.GetValue<int>() == id)
            {
                if (node["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
                reply = node["result"] ?? new JsonObject();
            }
            else if (node["method"] is { } m) Observe(m.GetValue<string>(), node["params"], ref seenEvent, waitForEvent);
        }
        return reply;
    }

    private void Observe(string method, JsonNode? p, ref bool seen, string? waitFor)
    {
        if (method == waitFor) seen = true;
        if (p is null) return;
        var type = p["type"]?.GetValue<string>();
        var entry = p["entry"];
        var level = entry?["level"]?.GetValue<string>();
        if (method == "Runtime.consoleAPICalled" && type is "error" or "warning" or "assert")
            _problems.Add("console." + type + ": " + p["args"]?.ToJsonString());
        else if (method == "Runtime.exceptionThrown")
            _problems.Add("exception: " + p["exceptionDetails"]?.ToJsonString());
        else if (method == "Log.entryAdded" && level is "error" or "warning")
            _problems.Add("log " + level + ": " + entry?["text"]?.GetValue<string>() + " (" + entry?["url"]?.GetValue<string>() + ")");
    }

    private async Task<JsonNode> ReceiveAsync(CancellationToken cancel)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (true)
        {
            var r = await _socket.ReceiveAsync(buffer, cancel);
            if (r.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("chromium closed the DevTools connection.");
            message.Write(buffer, 0, r.Count);
            if (r.EndOfMessage) return JsonNode.Parse(message.ToArray())!;
        }
    }

    private static async Task Drain(StreamReader reader)
    {
        try { while (await reader.ReadLineAsync() is not null) { } }
        catch (ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        try { if (_socket.State == WebSocketState.Open) await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None); }
        catch (WebSocketException) { }
        _socket.Dispose();
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_profile, true); } catch (IOException) { }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevTools();
}
