namespace HwDsl.Devices.Pcm

open HwDsl.Contracts

/// A configured PCM cell (equations on PcmModel). Draws: three normals per programming (aihwkit's programming noise,
/// the hardware's σ, the drift exponent), two per read (the device's read noise, the hardware's σ).
type internal PcmDevice(t0: float, tRead: float, progScale: float, readScale: float, driftScale: float) =
    let square (x: float) = x * x

    interface IDevice with
        member _.MaxBits = 16
        member _.OnOffRatio = System.Nullable()
        member _.Drifts = driftScale > 0.0
        member _.Defects = DefectRates.None

        member _.Conductance(u, element) =
            DeviceMath.OnRange(DeviceMath.ExponentialShape(u, element.NonLinearity), element)

        member _.ConductanceDerivative(u, element) =
            element.Scale * (1.0 - element.InverseOnOffRatio) * DeviceMath.ExponentialShapeDerivative(u, element.NonLinearity)

        member _.Program(target, element, sigma, random) =
            DeviceMath.CheckSigma(sigma) |> ignore
            let z1 = random.NextNormal()
            let z2 = random.NextNormal()
            let z3 = random.NextNormal()
            let x = target / element.Scale
            let g = target + progScale * PcmPhysics.programmingSigma x * element.Scale * z1 + sigma * element.Scale * z2
            CellState(target, max g 0.0, PcmPhysics.driftExponent x z3 driftScale)

        member _.ProgrammingSigma(target, element, sigma) =
            sqrt (square (progScale * PcmPhysics.programmingSigma (target / element.Scale) * element.Scale) + square (sigma * element.Scale))

        member _.Drift(cell, _element, seconds) = PcmPhysics.drift cell.Conductance cell.DriftExponent t0 seconds

        member this.Read(cell, element, sigma, seconds, random) =
            let z1 = random.NextNormal()
            let z2 = random.NextNormal()
            let device = this :> IDevice
            let g = device.Drift(cell, element, seconds)
            let relative = readScale * PcmPhysics.readSigmaRelative (cell.Conductance / element.Scale) t0 tRead seconds
            max (g + abs g * relative * z1 + DeviceMath.CheckSigma(sigma) * element.Scale * z2) 0.0

        member this.ReadSigma(cell, element, sigma, seconds) =
            let g = (this :> IDevice).Drift(cell, element, seconds)
            let relative = readScale * PcmPhysics.readSigmaRelative (cell.Conductance / element.Scale) t0 tRead seconds
            sqrt (square (abs g * relative) + square (sigma * element.Scale))

        member this.Defective(kind, element, random) =
            match kind with
            | DefectKind.Open -> element.MinConductance // stuck amorphous (reset)
            | DefectKind.Short -> element.MaxConductance // stuck crystalline (set)
            | _ -> (this :> IDevice).Conductance(random.NextUniform(), element)
