namespace HwDsl.FSharp

open System.IO

/// Where a value was written: the script (or source) file and line, captured by the F# compiler through caller-info
/// parameters of the member that set it. Shown as `quickstart.fsx:12`.
[<Struct; StructuredFormatDisplay("{Display}")>]
type Loc =
    { File: string
      Line: int }

    /// `file:line` with the file's name only (what `%A` shows).
    member l.Display = if System.String.IsNullOrEmpty l.File then "?" else $"{Path.GetFileName l.File}:{l.Line}"

    override l.ToString() = l.Display

/// One recorded DSL call: what it was (for `%A`), where it was written, and how it is replayed onto the C# builder,
/// which records the same file and line and checks the value at build time.
[<StructuredFormatDisplay("{Display}")>]
type Step<'Builder> =
    { Call: string
      At: Loc
      Apply: 'Builder -> Loc -> unit }

    /// `call @ file:line`.
    member s.Display = $"{s.Call} @ {s.At.Display}"

    override s.ToString() = s.Display

module internal Step =
    /// A step for `call`, written at (file, line).
    let make call file line apply = { Call = call; At = { File = file; Line = line }; Apply = apply }

    /// Replays `steps` in order onto `target`.
    let replay (target: 'B) (steps: Step<'B> list) = for s in steps do s.Apply target s.At

    /// An argument as `%A` would print it, on one line.
    let show (value: 'T) = (sprintf "%A" value).Replace("\n", " ")
