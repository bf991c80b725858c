namespace HwDsl.FSharp

/// How recorded calls are shown by `%A`.
module internal Call =
    /// `name (a, key = "b")` for the given arguments, leaving out the ones not given (null); `name ()` for none.
    let named (name: string) (args: (string * obj) list) =
        let given =
            args
            |> List.filter (fun (_, v) -> not (isNull v))
            |> List.map (fun (k, v) -> if k = "" then sprintf "%A" v else $"{k} = %A{v}")
        match given with
        | [] -> $"{name} ()"
        | [ one ] when not (one.Contains " = ") -> $"{name} {one}"
        | many -> $"""{name} ({String.concat ", " many})"""
