using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(EcomErp.Benchmarks.CaptureOrderBenchmark).Assembly).Run(args);
