Console.WriteLine("seed: not written yet");
