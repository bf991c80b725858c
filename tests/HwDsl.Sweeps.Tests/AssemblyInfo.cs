// Sweeps run points through /bin/sh and submit to Slurm: these tests are for Unix-like systems.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
