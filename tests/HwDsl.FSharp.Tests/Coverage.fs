/// Keeps the F# surface in step with the C# DSL: every public member of the C# vocabulary (fluent builders, their
/// extension methods, the static vocabulary classes) needs an F# counterpart. A counterpart is found by name — the C#
/// name in camelCase, or an alias below — among the F# members where that C# type's vocabulary lives (its homes).
module HwDsl.FSharp.Tests.Coverage

open System
open System.Reflection
open System.Runtime.CompilerServices
open HwDsl
open HwDsl.FSharp

/// Where F# counterparts live: a name for messages, the file to add them to, and the F# names found there.
type Home = { Name: string; File: string; Names: Set<string> }

let private declared = BindingFlags.Public ||| BindingFlags.Static ||| BindingFlags.Instance ||| BindingFlags.DeclaredOnly

let private isMember (m: MemberInfo) =
    match m with
    | :? MethodInfo as mi ->
        not mi.IsSpecialName && mi.DeclaringType <> typeof<obj> && not (List.contains mi.Name [ "Equals"; "GetHashCode"; "ToString"; "GetType"; "Deconstruct" ])
    | :? PropertyInfo -> true
    | _ -> false

let private isStatic (t: Type) = t.IsAbstract && t.IsSealed
let private isRecord (t: Type) = not (isNull (t.GetMethod "<Clone>$"))

/// The C# vocabulary as (type, member) pairs: every public member of a fluent builder class (with the extension
/// methods whose receiver is it or is constrained to it), and every public static member of a vocabulary class or of an
/// abstract vocabulary record (`WeightRange.Fixed`); the sealed spec records' statics (`ElementSpec.Ideal`) are results.
let csharpVocabulary () : (string * string) list =
    let types = typeof<ExperimentSpec>.Assembly.GetExportedTypes()
    let extensions =
        types
        |> Array.filter isStatic
        |> Array.collect (fun t -> t.GetMethods(BindingFlags.Public ||| BindingFlags.Static))
        |> Array.filter (fun m -> m.IsDefined(typeof<ExtensionAttribute>, false))
    let receiver (m: MethodInfo) =
        let first = m.GetParameters().[0].ParameterType
        match first.IsGenericParameter, (if first.IsGenericParameter then first.GetGenericParameterConstraints() else [||]) with
        | true, [| c |] -> c
        | _ -> first
    [ for t in types do
          if t.IsClass && not (isStatic t) && not (isRecord t) && not (typeof<exn>.IsAssignableFrom t) then
              for m in t.GetMembers declared |> Array.filter isMember do
                  yield t.Name, m.Name
              for e in extensions |> Array.filter (fun e -> receiver e = t) do
                  yield t.Name, e.Name
          elif isStatic t || (isRecord t && t.IsAbstract) then
              for m in t.GetMembers(BindingFlags.Public ||| BindingFlags.Static ||| BindingFlags.DeclaredOnly) do
                  if isMember m && not (m.IsDefined(typeof<ExtensionAttribute>, false)) then
                      yield t.Name, m.Name ]
    |> List.distinct

let private staticNames (t: Type) =
    t.GetMembers(BindingFlags.Public ||| BindingFlags.Static ||| BindingFlags.DeclaredOnly)
    |> Array.filter isMember
    |> Array.map (fun m -> m.Name)
    |> Set.ofArray

let private operations (t: Type) =
    t.GetMethods(BindingFlags.Public ||| BindingFlags.Instance)
    |> Array.choose (fun m -> m.GetCustomAttribute<CustomOperationAttribute>() |> Option.ofObj)
    |> Array.map (fun a -> a.Name)
    |> Set.ofArray

let private fsharpModule (name: string) =
    typeof<Hw>.Assembly.GetType($"HwDsl.FSharp.{name}Module", throwOnError = true)

let private home name file names = { Name = name; File = file; Names = names }

/// The F# homes, by what they hold.
let homes =
    let src = "src/HwDsl.FSharp/"
    let vocabulary name = home $"module {name}" (src + "Vocabulary.fs") (staticNames (fsharpModule name))
    let entries =
        home "the entry points (`experiment`, `variant`, `cores`, `coresVariant`, `layers`)" (src + "ExperimentBuilder.fs")
            (set [ for t in [ typeof<experiment>; typeof<variant>; typeof<cores>; typeof<coresVariant> ] -> t.Name ] |> Set.add "layers")
    let experimentOps = home "the operations of `experiment { }`" (src + "ExperimentBuilder.fs") (operations typeof<ExperimentCE>)
    let exp = home "type Exp" (src + "Exp.fs") (staticNames typeof<Exp>)
    let coresOps = home "the operations of `cores { }`" (src + "CoresBuilder.fs") (operations typeof<CoresCE>)
    let coresModule = home "module Cores" (src + "Exp.fs") (staticNames (fsharpModule "Cores"))
    let hw = home "type Hw" (src + "Hardware.fs") (staticNames typeof<Hw>)
    let presets = home "module HardwarePresets" (src + "Hardware.fs") (staticNames (fsharpModule "HardwarePresets"))
    Map.ofList
        [ "Experiment", [ entries ]
          "ExperimentNeedsData", [ experimentOps ]
          "ExperimentNeedsNetwork", [ experimentOps ]
          "ExperimentBuilder", [ experimentOps; exp; entries ]
          "NetworkBuilder", [ home "the operations of `layers { }`" (src + "Network.fs") (operations typeof<LayersBuilder>) ]
          "Hardware", [ hw ]
          "HardwareBuilder", [ hw ]
          "HardwareScope", [ hw ]
          "LayerOverride", [ hw ]
          "LayerSelector", [ experimentOps ]
          "ElementBuilder", [ home "type Element" (src + "Element.fs") (staticNames typeof<Element>) ]
          "DefectsBuilder", [ home "type Defects" (src + "Element.fs") (staticNames typeof<Defects>) ]
          "TrainingBuilder", [ experimentOps; vocabulary "Relaxation" ]
          "TrainingScope", [ experimentOps; coresOps ]
          "EvaluationBuilder", [ experimentOps ]
          "Cores", [ entries ]
          "CoreExperimentBuilder", [ coresOps; coresModule; entries ]
          "CoreNetworkBuilder", [ coresOps ]
          "CoreTrainingBuilder", [ coresOps ]
          "HardwarePresets", [ presets ]
          yield! [ for name in [ "Relaxation"; "Schedule"; "WeightRange"; "Rounding"; "Dist"; "Dies"; "Datasets"; "AdcRange"; "InputRange"; "Technologies" ] -> name, [ vocabulary name ] ] ]

/// F# names that differ from the camelCase C# name (keywords, clashes, or a different shape in F#).
let aliases =
    Map.ofList
        [ "Experiment.Named", "experiment"
          "Cores.Experiment", "cores"
          "Hardware.Digital", "allDigital"            // `Hw.digital` is the per-scope step
          "HardwareScope.Binary", "asBinary"          // `Hw.binary` starts binary hardware
          "DefectsBuilder.Open", "opened"             // `open` is an F# keyword
          "WeightRange.Fixed", "fixedAt"              // `fixed` is an F# keyword
          "AdcRange.Fixed", "fixedAt"
          "InputRange.Fixed", "fixedAt"
          "Dist.Fixed", "fixedRate"
          "TrainingBuilder.Float", "floatTraining"    // `float` is F#'s conversion function
          "LayerSelector.First", "firstLayer"
          "LayerSelector.Last", "lastLayer"
          "LayerSelector.Item", "layer"
          "ExperimentBuilder.With", "variant"
          "ExperimentBuilder.WithEvaluation", "variant"
          "CoreExperimentBuilder.With", "coresVariant"
          "CoreExperimentBuilder.WithName", "name" ]

/// C# members with no F# counterpart on purpose, and why.
let exclusions =
    Map.ofList
        [ "ExperimentBuilder.Train", "flattened: training settings are operations of `experiment { }` itself"
          "ExperimentBuilder.Evaluate", "flattened: evaluation settings are operations of `experiment { }` itself"
          "CoreExperimentBuilder.Train", "flattened: training settings are operations of `cores { }` itself"
          "CoreExperimentBuilder.Network", "flattened: the network's settings are operations of `cores { }` itself"
          "HardwareBuilder.With", "F# hardware is immutable: every pipeline step already returns a modified copy" ]

let private camel (name: string) = string (Char.ToLowerInvariant name.[0]) + name.[1..]

/// Every problem, one line each: a C# member without counterpart, a C# type without home, a stale alias or exclusion.
let problems (vocabulary: (string * string) list) (homes: Map<string, Home list>) (aliases: Map<string, string>)
             (exclusions: Map<string, string>) : string list =
    let known = vocabulary |> List.map (fun (t, m) -> $"{t}.{m}") |> Set.ofList
    let missing =
        [ for t, m in vocabulary do
              let key = $"{t}.{m}"
              if not (exclusions.ContainsKey key) then
                  let name = aliases.TryFind key |> Option.defaultValue (camel m)
                  match homes.TryFind t with
                  | None ->
                      yield $"{key} has no F# counterpart: C# type {t} is new to the F# surface; give it a home in Coverage.homes (tests/HwDsl.FSharp.Tests/Coverage.fs) and add `{name}` there"
                  | Some hs when hs |> List.exists (fun h -> h.Names.Contains name) -> ()
                  | Some (h :: _) -> yield $"{key} has no F# counterpart: add `{name}` to {h.Name} ({h.File}), or an alias or exclusion in Coverage.fs"
                  | Some [] -> yield $"{key}: type {t} has an empty home list in Coverage.fs" ]
    let stale =
        [ for key in Seq.append aliases.Keys exclusions.Keys do
              if not (known.Contains key) then yield $"{key} is named in Coverage.fs but the C# DSL has no such member: remove it" ]
    missing @ stale
