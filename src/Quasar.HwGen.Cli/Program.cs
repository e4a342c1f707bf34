return await Quasar.HwGen.Cli.QuasarCli.RunAsync(args).ConfigureAwait(false);
