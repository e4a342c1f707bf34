return Quasar.Runtime.App.QuasarRunCli.Run(args);
