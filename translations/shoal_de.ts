<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>ChartPanel</name>
    <message>
        <source>Queue and in flight</source>
        <translation>Warteschlange und in Bearbeitung</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>in Bearbeitung</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>calls/s</source>
        <translation>Aufrufe/s</translation>
    </message>
    <message>
        <source>completed/s</source>
        <translation>abgeschlossen/s</translation>
    </message>
    <message>
        <source>timeouts/s</source>
        <translation>Timeouts/s</translation>
    </message>
    <message>
        <source>offered/s</source>
        <translation>angeboten/s</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>queue wait p95</source>
        <translation>Wartezeit p95</translation>
    </message>
    <message>
        <source>service p95</source>
        <translation>Bedienzeit p95</translation>
    </message>
    <message>
        <source>Outcomes (cumulative)</source>
        <translation>Ergebnisse (kumuliert)</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeit überschritten</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgewiesen</translation>
    </message>
    <message>
        <source>pool closed</source>
        <translation>Pool geschlossen</translation>
    </message>
    <message>
        <source>Pool and limiter</source>
        <translation>Pool und Ratenbegrenzer</translation>
    </message>
    <message>
        <source>workers / tokens</source>
        <translation>Worker / Tokens</translation>
    </message>
    <message>
        <source>pool size</source>
        <translation>Pool-Größe</translation>
    </message>
    <message>
        <source>limiter tokens</source>
        <translation>Tokens des Begrenzers</translation>
    </message>
    <message>
        <source>abandoned workers</source>
        <translation>verwaiste Worker</translation>
    </message>
    <message>
        <source>in system (mean)</source>
        <translation>im System (Mittel)</translation>
    </message>
    <message>
        <source>λ·W (Little&apos;s law)</source>
        <translation>λ·W (Littles Gesetz)</translation>
    </message>
    <message>
        <source>model p95</source>
        <translation>Modell p95</translation>
    </message>
    <message>
        <source>model queue wait p95</source>
        <translation>Modell Wartezeit p95</translation>
    </message>
    <message>
        <source>busy (utilisation × size)</source>
        <translation>beschäftigt (Auslastung × Größe)</translation>
    </message>
    <message>
        <source>dashed: %1</source>
        <translation>gestrichelt: %1</translation>
    </message>
    <message>
        <source>compared run</source>
        <translation>Vergleichslauf</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>List the built-in presets, each with a one-line description.</source>
        <translation>Die eingebauten Voreinstellungen mit je einer einzeiligen Beschreibung auflisten.</translation>
    </message>
    <message>
        <source>Run a preset without a window: progress on stderr, a summary on stdout.</source>
        <translation>Eine Voreinstellung ohne Fenster ausführen: Fortschritt auf stderr, eine Zusammenfassung auf stdout.</translation>
    </message>
    <message>
        <source>The preset to run: a built-in name or a preset file.</source>
        <translation>Die auszuführende Voreinstellung: ein eingebauter Name oder eine Voreinstellungsdatei.</translation>
    </message>
    <message>
        <source>NAME|FILE</source>
        <translation>NAME|DATEI</translation>
    </message>
    <message>
        <source>Run for S seconds (run.durationSec).</source>
        <translation>S Sekunden lang laufen (run.durationSec).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Run until N calls were made (run.jobs).</source>
        <translation>Laufen, bis N Aufrufe erfolgt sind (run.jobs).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Write the time series to FILE as CSV.</source>
        <translation>Die Zeitreihe als CSV in DATEI schreiben.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Write the event log to FILE as CSV.</source>
        <translation>Das Ereignisprotokoll als CSV in DATEI schreiben.</translation>
    </message>
    <message>
        <source>Write the run summary to FILE as JSON.</source>
        <translation>Die Zusammenfassung des Laufs als JSON in DATEI schreiben.</translation>
    </message>
    <message>
        <source>Change one preset key, with the preset&apos;s dotted names: pool.size=4, call.api=processCtx, workload.params.meanMs=20. May be repeated.</source>
        <translation>Einen Schlüssel der Voreinstellung ändern, mit den Punkt-Namen der Voreinstellung: pool.size=4, call.api=processCtx, workload.params.meanMs=20. Kann wiederholt werden.</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>Schlüssel=Wert</translation>
    </message>
    <message>
        <source>The window&apos;s language (en, de); the system&apos;s by default.</source>
        <translation>Die Sprache des Fensters (en, de); standardmäßig die des Systems.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>Start a run as soon as the window is open.</source>
        <translation>Einen Lauf starten, sobald das Fenster geöffnet ist.</translation>
    </message>
    <message>
        <source>Save a picture of the window during the run to FILE (PNG), then quit; implies --run.</source>
        <translation>Während des Laufs ein Bild des Fensters in DATEI (PNG) speichern, dann beenden; impliziert --run.</translation>
    </message>
    <message>
        <source>When to take the --screenshot: S seconds into the run (default 5).</source>
        <translation>Zeitpunkt für --screenshot: S Sekunden nach Beginn des Laufs (Standard 5).</translation>
    </message>
    <message>
        <source>--duration and --jobs exclude each other</source>
        <translation>--duration und --jobs schließen einander aus</translation>
    </message>
    <message>
        <source>--screenshot-at: expected seconds from 0 to 86400, got &quot;%1&quot;</source>
        <translation>--screenshot-at: Sekunden von 0 bis 86400 erwartet, erhalten: „%1“</translation>
    </message>
    <message>
        <source>A preset file to open, as --preset FILE.</source>
        <translation>Eine Voreinstellungsdatei zum Öffnen, wie --preset DATEI.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: give one file</source>
        <translation>unerwartetes Argument „%1“: bitte nur eine Datei angeben</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: --preset names the preset already</source>
        <translation>unerwartetes Argument „%1“: --preset nennt die Voreinstellung bereits</translation>
    </message>
    <message>
        <source>Sweep a preset key over VALUES (1,2,4 | 1..8 | 1..16:2 | 50..800*2), one run per value; twice for a grid. Overrides the keys of the preset&apos;s sweep section.</source>
        <translation>Einen Schlüssel der Voreinstellung über WERTE durchlaufen (1,2,4 | 1..8 | 1..16:2 | 50..800*2), ein Lauf je Wert; zweimal für ein Raster. Ersetzt die Schlüssel aus dem Sweep-Abschnitt der Voreinstellung.</translation>
    </message>
    <message>
        <source>KEY=VALUES</source>
        <translation>SCHLÜSSEL=WERTE</translation>
    </message>
    <message>
        <source>Run the sweep the preset&apos;s sweep section describes.</source>
        <translation>Den Sweep ausführen, den der Sweep-Abschnitt der Voreinstellung beschreibt.</translation>
    </message>
    <message>
        <source>Measured seconds per sweep point (default 5).</source>
        <translation>Gemessene Sekunden je Sweep-Punkt (Standard 5).</translation>
    </message>
    <message>
        <source>Discarded warm-up seconds per sweep point (default 1).</source>
        <translation>Verworfene Aufwärmsekunden je Sweep-Punkt (Standard 1).</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>Runs per sweep point, interleaved (default 1).</source>
        <translation>Läufe je Sweep-Punkt, verschränkt (Standard 1).</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>The sweep&apos;s objective, METRIC&lt;=MS with p50, p95, p99 or wait_p95.</source>
        <translation>Das Ziel des Sweeps, METRIK&lt;=MS mit p50, p95, p99 oder wait_p95.</translation>
    </message>
    <message>
        <source>METRIC&lt;=MS</source>
        <translation>METRIK&lt;=MS</translation>
    </message>
    <message>
        <source>--sweep: at most two keys, got %1</source>
        <translation>--sweep: höchstens zwei Schlüssel, erhalten %1</translation>
    </message>
    <message>
        <source>--events does not apply to a sweep</source>
        <translation>--events gilt nicht für einen Sweep</translation>
    </message>
    <message>
        <source>Write the whole run to FILE as a run file (.shoalrun): its preset, the machine, the summary, every sample and every event.</source>
        <translation>Den ganzen Lauf als Laufdatei (.shoalrun) in DATEI schreiben: seine Voreinstellung, die Maschine, die Zusammenfassung, jeden Messwert und jedes Ereignis.</translation>
    </message>
    <message>
        <source>--save-run does not apply to a sweep</source>
        <translation>--save-run gilt nicht für einen Sweep</translation>
    </message>
    <message>
        <source>--run does not apply to a sweep: the window starts the sweep</source>
        <translation>--run gilt nicht für einen Sweep: das Fenster startet den Sweep</translation>
    </message>
    <message>
        <source>--csv and --summary of a sweep need --headless</source>
        <translation>--csv und --summary eines Sweeps brauchen --headless</translation>
    </message>
    <message>
        <source>Compare run file A with the run file B named after it: a table of each figure, the change and whether it is within the runs&apos; noise.</source>
        <translation>Laufdatei A mit der danach genannten Laufdatei B vergleichen: eine Tabelle jeder Kennzahl, der Änderung und ob sie im Rauschen der Läufe liegt.</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>--compare A B: name the second run file</source>
        <translation>--compare A B: die zweite Laufdatei angeben</translation>
    </message>
    <message>
        <source>--compare A B: unexpected argument &quot;%1&quot;</source>
        <translation>--compare A B: unerwartetes Argument &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Shoal: a worker-pool monitor and workload lab.

  shoal-lab [--preset NAME|FILE | FILE] [--set key=value ...] [--lang de] [--run]
  shoal-lab --list-presets
  shoal-lab --headless [--preset NAME|FILE] [--duration S | --jobs N] [--csv FILE]
            [--events FILE] [--summary FILE] [--save-run FILE] [--report FILE]
            [--set key=value ...]
  shoal-lab [--headless] --preset NAME|FILE --sweep KEY=VALUES [--sweep KEY2=VALUES]
            | --sweep-preset
            [--point-seconds S] [--warmup-seconds W] [--repeats R] [--slo p95&lt;=MS]
            [--csv FILE] [--summary FILE] [--report FILE] (files with --headless;
            else the window&apos;s Sweep view runs it)
  shoal-lab --compare A.shoalrun B.shoalrun [--report FILE]

Exit status: 0 on success, 1 when the run failed, 2 on bad input.</source>
        <translation>Shoal: ein Worker-Pool-Monitor und Arbeitslast-Labor.

  shoal-lab [--preset NAME|DATEI | DATEI] [--set Schlüssel=Wert ...] [--lang de] [--run]
  shoal-lab --list-presets
  shoal-lab --headless [--preset NAME|DATEI] [--duration S | --jobs N] [--csv DATEI]
            [--events DATEI] [--summary DATEI] [--save-run DATEI] [--report DATEI]
            [--set Schlüssel=Wert ...]
  shoal-lab [--headless] --preset NAME|DATEI --sweep SCHLÜSSEL=WERTE [--sweep SCHLÜSSEL2=WERTE]
            | --sweep-preset
            [--point-seconds S] [--warmup-seconds W] [--repeats R] [--slo p95&lt;=MS]
            [--csv DATEI] [--summary DATEI] [--report DATEI] (Dateien mit --headless;
            sonst führt die Sweep-Ansicht des Fensters ihn aus)
  shoal-lab --compare A.shoalrun B.shoalrun [--report DATEI]

Exit-Status: 0 bei Erfolg, 1 wenn der Lauf fehlgeschlagen ist, 2 bei ungültiger Eingabe.</translation>
    </message>
    <message>
        <source>Write a report of the run, the sweep or the comparison to FILE: one self-contained HTML page with the tables and the charts. With --headless or --compare.</source>
        <translation>Einen Bericht über den Lauf, den Sweep oder den Vergleich in DATEI schreiben: eine in sich geschlossene HTML-Seite mit den Tabellen und Diagrammen. Mit --headless oder --compare.</translation>
    </message>
    <message>
        <source>--report needs --headless or --compare</source>
        <translation>--report braucht --headless oder --compare</translation>
    </message>
</context>
<context>
    <name>ComparedRun</name>
    <message>
        <source>no run yet: Run starts one</source>
        <translation>noch kein Lauf: Starten beginnt einen</translation>
    </message>
    <message>
        <source>this run, under way: its figures come when it ends</source>
        <translation>dieser Lauf, noch unterwegs: seine Kennzahlen kommen, wenn er endet</translation>
    </message>
</context>
<context>
    <name>ComparisonText</name>
    <message>
        <source>%1: %2 (%3; recorded on %4, %5 cores, Shoal %6)</source>
        <translation>%1: %2 (%3; aufgezeichnet auf %4, %5 Kerne, Shoal %6)</translation>
    </message>
    <message>
        <source>throughput (calls/s)</source>
        <translation>Durchsatz (Aufrufe/s)</translation>
    </message>
    <message>
        <source>latency p50 (ms)</source>
        <translation>Latenz p50 (ms)</translation>
    </message>
    <message>
        <source>latency p95 (ms)</source>
        <translation>Latenz p95 (ms)</translation>
    </message>
    <message>
        <source>latency p99 (ms)</source>
        <translation>Latenz p99 (ms)</translation>
    </message>
    <message>
        <source>latency max (ms)</source>
        <translation>Latenz max (ms)</translation>
    </message>
    <message>
        <source>queue wait p95 (ms)</source>
        <translation>Wartezeit p95 (ms)</translation>
    </message>
    <message>
        <source>utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeit überschritten</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgewiesen</translation>
    </message>
    <message>
        <source>pool not running</source>
        <translation>Pool läuft nicht</translation>
    </message>
    <message>
        <source>within noise %1</source>
        <translation>im Rauschen %1</translation>
    </message>
    <message>
        <source>beyond noise %1</source>
        <translation>über dem Rauschen %1</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>delta</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>noise (95% interval of B - A over the rows)</source>
        <translation>Rauschen (95-%-Intervall von B - A über die Zeilen)</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Stop comparing</source>
        <translation>Vergleich beenden</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>delta</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>noise (95% interval of B - A over the rows)</source>
        <translation>Rauschen (95-%-Intervall von B - A über die Zeilen)</translation>
    </message>
    <message>
        <source>File &gt; Compare with… draws a saved run dashed beside this one and lists both runs&apos; figures here.</source>
        <translation>Datei &gt; Vergleichen mit… zeichnet einen gespeicherten Lauf gestrichelt neben diesen und listet hier die Kennzahlen beider Läufe.</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Queue bound</source>
        <translation>Warteschlangenlimit</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Timeout (ms)</source>
        <translation>Timeout (ms)</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Ankünfte</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Spacing</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>Rate (/s)</source>
        <translation>Rate (/s)</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <source>Think time (ms)</source>
        <translation>Denkzeit (ms)</translation>
    </message>
    <message>
        <source>Downstream rate limit</source>
        <translation>Nachgelagerte Ratenbegrenzung</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Tokens (/s)</source>
        <translation>Tokens (/s)</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Burst</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Arbeitslast</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Run length</source>
        <translation>Lauflänge</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Dauer (s)</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>unbounded</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>kein</translation>
    </message>
    <message>
        <source>by duration</source>
        <translation>nach Dauer</translation>
    </message>
    <message>
        <source>pool.size: workers in the pool; a change resizes the running pool (a shrink waits for current jobs)</source>
        <translation>pool.size: Worker im Pool; eine Änderung passt die Größe des laufenden Pools an (beim Verkleinern wird auf laufende Jobs gewartet)</translation>
    </message>
    <message>
        <source>pool.maxWaiting: calls allowed to wait; more are rejected with QueueFull</source>
        <translation>pool.maxWaiting: Aufrufe, die warten dürfen; weitere werden mit QueueFull abgewiesen</translation>
    </message>
    <message>
        <source>call.api: process waits as long as it takes; processTimed gives up after the timeout; processCtx ends at the deadline or when canceled</source>
        <translation>call.api: process wartet so lange wie nötig; processTimed gibt nach dem Timeout auf; processCtx endet bei Ablauf der Frist oder bei Abbruch</translation>
    </message>
    <message>
        <source>call.timeoutMs: processTimed&apos;s timeout and processCtx&apos;s deadline, for calls made from now on</source>
        <translation>call.timeoutMs: Timeout von processTimed und Frist von processCtx, für alle ab jetzt erfolgenden Aufrufe</translation>
    </message>
    <message>
        <source>arrival.process: constant spacing or Poisson arrivals. Applies from the next run.</source>
        <translation>arrival.process: konstanter Abstand oder Poisson-Ankünfte. Gilt ab dem nächsten Lauf.</translation>
    </message>
    <message>
        <source>arrival.ratePerSec: open-loop calls offered per second</source>
        <translation>arrival.ratePerSec: pro Sekunde angebotene Aufrufe (offene Schleife)</translation>
    </message>
    <message>
        <source>arrival.callers: closed-loop callers</source>
        <translation>arrival.callers: Aufrufer (geschlossene Schleife)</translation>
    </message>
    <message>
        <source>arrival.thinkMs: a closed-loop caller&apos;s pause between calls</source>
        <translation>arrival.thinkMs: Pause eines Aufrufers zwischen zwei Aufrufen (geschlossene Schleife)</translation>
    </message>
    <message>
        <source>limiter.enabled: workers share a token bucket in blockUntilReady</source>
        <translation>limiter.enabled: Worker teilen sich in blockUntilReady einen Token-Bucket</translation>
    </message>
    <message>
        <source>limiter.ratePerSec: tokens added per second</source>
        <translation>limiter.ratePerSec: pro Sekunde hinzugefügte Tokens</translation>
    </message>
    <message>
        <source>limiter.burst: the bucket&apos;s size</source>
        <translation>limiter.burst: Größe des Buckets</translation>
    </message>
    <message>
        <source>synthetic service times</source>
        <translation>synthetische Bedienzeiten</translation>
    </message>
    <message>
        <source>SHA-256 hashing</source>
        <translation>SHA-256-Hashing</translation>
    </message>
    <message>
        <source>image thumbnails</source>
        <translation>Vorschaubilder</translation>
    </message>
    <message>
        <source>your own program</source>
        <translation>eigenes Programm</translation>
    </message>
    <message>
        <source>open loop (rate)</source>
        <translation>offene Schleife (Rate)</translation>
    </message>
    <message>
        <source>closed loop (callers)</source>
        <translation>geschlossene Schleife (Aufrufer)</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>konstant</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>Poisson</translation>
    </message>
    <message>
        <source>run.durationSec: how long a run offers calls</source>
        <translation>run.durationSec: wie lange ein Lauf Aufrufe anbietet</translation>
    </message>
    <message>
        <source>run.jobs: end the run after this many calls instead</source>
        <translation>run.jobs: den Lauf stattdessen nach so vielen Aufrufen beenden</translation>
    </message>
    <message>
        <source>arrival.mode: open loop offers calls at a rate whatever the pool does; closed loop has callers that wait for their answers. A change during a run lets the calls made go on.</source>
        <translation>arrival.mode: Die offene Schleife bietet Aufrufe mit fester Rate an, unabhängig vom Pool; die geschlossene Schleife hat Aufrufer, die auf ihre Antworten warten. Eine Änderung während eines Laufs lässt die bereits erfolgten Aufrufe weiterlaufen.</translation>
    </message>
    <message>
        <source>workload.kind: what each job does. A change during a run applies to calls made from then on, with the kind&apos;s default parameters.</source>
        <translation>workload.kind: was jeder Job tut. Eine Änderung während eines Laufs gilt für die ab dann erfolgenden Aufrufe, mit den Standardparametern der neuen Art.</translation>
    </message>
    <message>
        <source>Dispatch order</source>
        <translation>Vergabereihenfolge</translation>
    </message>
    <message>
        <source>pool.dispatchOrder: which idle worker gets the next call. Newest idle first hands it to the worker that went idle last, still spinning with warm caches: the cheapest handoff, but at low load one worker does nearly every job. Longest idle first rotates over every worker, as tunny does, and usually wakes a sleeping one. Measured on a busy 2-core machine: 6.3 against 5.3 µs per job with 64 callers, about the same (11.9 against 12.0 µs) with one caller.</source>
        <translation>pool.dispatchOrder: welcher untätige Worker den nächsten Aufruf bekommt. „Zuletzt untätig zuerst“ gibt ihn dem Worker, der als letzter untätig wurde und mit warmen Caches noch aktiv wartet: die billigste Übergabe, aber bei geringer Last erledigt ein Worker fast jeden Job. „Am längsten untätig zuerst“ wechselt reihum über alle Worker, wie tunny, und weckt meist einen schlafenden. Gemessen auf einer ausgelasteten Maschine mit 2 Kernen: 6,3 statt 5,3 µs pro Job bei 64 Aufrufern, etwa gleich (11,9 statt 12,0 µs) bei einem Aufrufer.</translation>
    </message>
    <message>
        <source>newest idle first</source>
        <translation>zuletzt untätig zuerst</translation>
    </message>
    <message>
        <source>longest idle first (rotate)</source>
        <translation>am längsten untätig zuerst (reihum)</translation>
    </message>
</context>
<context>
    <name>DesktopLaunch</name>
    <message>
        <source>--lang: no translation for &quot;%1&quot; (available: %2)</source>
        <translation>--lang: keine Übersetzung für „%1“ (verfügbar: %2)</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>bad JSON at offset %1: %2</source>
        <translation>ungültiges JSON bei Offset %1: %2</translation>
    </message>
    <message>
        <source>the preset is not a JSON object</source>
        <translation>die Voreinstellung ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>%1: missing</source>
        <translation>%1: fehlt</translation>
    </message>
    <message>
        <source>%1: unknown key</source>
        <translation>%1: unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>%1: wrong type, expected %2</source>
        <translation>%1: falscher Typ, erwartet: %2</translation>
    </message>
    <message>
        <source>%1: out of range (%2 to %3)</source>
        <translation>%1: außerhalb des Bereichs (%2 bis %3)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of %3</source>
        <translation>%1: „%2“ ist keiner der Werte %3</translation>
    </message>
    <message>
        <source>%1: unknown workload kind &quot;%2&quot; (known: %3)</source>
        <translation>%1: unbekannte Arbeitslast-Art „%2“ (bekannt: %3)</translation>
    </message>
    <message>
        <source>%1: must not be empty</source>
        <translation>%1: darf nicht leer sein</translation>
    </message>
    <message>
        <source>%1: %2 exclude each other</source>
        <translation>%1: %2 schließen einander aus</translation>
    </message>
    <message>
        <source>%1: cannot be used (%2)</source>
        <translation>%1: kann nicht verwendet werden (%2)</translation>
    </message>
    <message>
        <source>unknown preset &quot;%1&quot;: neither a built-in preset (see --list-presets) nor a file</source>
        <translation>unbekannte Voreinstellung „%1“: weder eine eingebaute Voreinstellung (siehe --list-presets) noch eine Datei</translation>
    </message>
    <message>
        <source>cannot read the preset file %1</source>
        <translation>die Voreinstellungsdatei %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not key=value</source>
        <translation>„%1“ hat nicht die Form Schlüssel=Wert</translation>
    </message>
    <message>
        <source>cannot write %1: it is a folder</source>
        <translation>%1 kann nicht geschrieben werden: es ist ein Ordner</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>writing %1 failed: %2</source>
        <translation>Schreiben von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>could not replace %1: %2</source>
        <translation>%1 konnte nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <source>workload.kind: unknown workload kind &quot;%1&quot; (known: %2)</source>
        <translation>workload.kind: unbekannte Arbeitslast-Art „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>%1: must be one of %2</source>
        <translation>%1: muss einer der Werte %2 sein</translation>
    </message>
    <message>
        <source>%1 is not possible now</source>
        <translation>%1 ist jetzt nicht möglich</translation>
    </message>
    <message>
        <source>the pool failed (%1): %2</source>
        <translation>der Pool ist fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>cannot read the preset file %1: larger than %2 bytes</source>
        <translation>die Voreinstellungsdatei %1 kann nicht gelesen werden: größer als %2 Bytes</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>larger than a run file can be (%1 MiB)</source>
        <translation>größer, als eine Laufdatei sein kann (%1 MiB)</translation>
    </message>
    <message>
        <source>the file ends early, at byte %1: it was cut short</source>
        <translation>die Datei endet vorzeitig, bei Byte %1: sie wurde abgeschnitten</translation>
    </message>
    <message>
        <source>not JSON (the parser stopped at byte %1)</source>
        <translation>kein JSON (der Parser hielt bei Byte %1 an)</translation>
    </message>
    <message>
        <source>not a Shoal run file (no &quot;format&quot;: &quot;shoal-run&quot;)</source>
        <translation>keine Shoal-Laufdatei (kein &quot;format&quot;: &quot;shoal-run&quot;)</translation>
    </message>
    <message>
        <source>not a Shoal run file (format &quot;%1&quot;)</source>
        <translation>keine Shoal-Laufdatei (Format &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>version %1 is newer than this Shoal reads (%2)</source>
        <translation>Version %1 ist neuer, als dieses Shoal liest (%2)</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is missing</source>
        <translation>%1: &quot;%2&quot; fehlt</translation>
    </message>
    <message>
        <source>%1: not a possible value</source>
        <translation>%1: kein möglicher Wert</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a possible value</source>
        <translation>%1: &quot;%2&quot; ist kein möglicher Wert</translation>
    </message>
    <message>
        <source>scenario: %1</source>
        <translation>scenario: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>EventLogView</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Run finished: %1 completed, %2/s, p99 %3 ms, identity %4</source>
        <translation>Lauf beendet: %1 abgeschlossen, %2/s, p99 %3 ms, Bilanz %4</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>stimmt</translation>
    </message>
    <message>
        <source>BROKEN</source>
        <translation>VERLETZT</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Open preset</source>
        <translation>Voreinstellung öffnen</translation>
    </message>
    <message>
        <source>Presets (*.json);;All files (*)</source>
        <translation>Voreinstellungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>Lauf öffnen</translation>
    </message>
    <message>
        <source>Shoal runs (*.shoalrun);;All files (*)</source>
        <translation>Shoal-Läufe (*.shoalrun);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Voreinstellung speichern</translation>
    </message>
    <message>
        <source>Presets (*.json)</source>
        <translation>Voreinstellungen (*.json)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Save charts as PNG</source>
        <translation>Diagramme als PNG speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Save run</source>
        <translation>Lauf speichern</translation>
    </message>
    <message>
        <source>Shoal runs (*.shoalrun)</source>
        <translation>Shoal-Läufe (*.shoalrun)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation>HTML-Seiten (*.html)</translation>
    </message>
</context>
<context>
    <name>HeadlessRun</name>
    <message>
        <source>the accounting identity did not hold</source>
        <translation>die Bilanzgleichung ging nicht auf</translation>
    </message>
    <message>
        <source>stopped by %1; no files written</source>
        <translation>durch %1 beendet; keine Dateien geschrieben</translation>
    </message>
</context>
<context>
    <name>HeadlessSweep</name>
    <message>
        <source>stopped by signal %1; no files written</source>
        <translation>durch Signal %1 angehalten; keine Dateien geschrieben</translation>
    </message>
    <message>
        <source>sweep: %1/%2 runs, about %3 s left</source>
        <translation>Sweep: %1/%2 Läufe, noch etwa %3 s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Charts saved to %1</source>
        <translation>Diagramme in %1 gespeichert</translation>
    </message>
    <message>
        <source>Charts not saved</source>
        <translation>Diagramme nicht gespeichert</translation>
    </message>
    <message>
        <source>Run of %1 started</source>
        <translation>Lauf mit %1 gestartet</translation>
    </message>
    <message>
        <source>Run reset</source>
        <translation>Lauf zurückgesetzt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;&lt;i&gt;Watch:&lt;/i&gt; %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;&lt;i&gt;Beobachten:&lt;/i&gt; %3</translation>
    </message>
    <message>
        <source>Preset %1 loaded: %2</source>
        <translation>Voreinstellung %1 geladen: %2</translation>
    </message>
    <message>
        <source>%1 — Shoal</source>
        <translation>%1 — Shoal</translation>
    </message>
    <message>
        <source>Preset not loaded</source>
        <translation>Voreinstellung nicht geladen</translation>
    </message>
    <message>
        <source>%1

The current configuration is unchanged.</source>
        <translation>%1

Die aktuelle Konfiguration bleibt unverändert.</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>Nicht geschrieben</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Shoal</source>
        <translation>Shoal</translation>
    </message>
    <message>
        <source>Preset %1 loaded</source>
        <translation>Voreinstellung %1 geladen</translation>
    </message>
    <message>
        <source>Run not opened</source>
        <translation>Lauf nicht geöffnet</translation>
    </message>
    <message>
        <source>%1 (recorded) — Shoal</source>
        <translation>%1 (aufgezeichnet) — Shoal</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>dieser Lauf</translation>
    </message>
    <message>
        <source>Run not compared</source>
        <translation>Lauf nicht verglichen</translation>
    </message>
    <message>
        <source>Comparing with the run %1</source>
        <translation>Vergleich mit dem Lauf %1</translation>
    </message>
</context>
<context>
    <name>ModelText</name>
    <message>
        <source>M/G/%1 (Allen-Cunneen)</source>
        <translation>M/G/%1 (Allen-Cunneen)</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <source>the model applies</source>
        <translation>das Modell gilt</translation>
    </message>
    <message>
        <source>closed loop: the arrival rate depends on the pool</source>
        <translation>geschlossene Schleife: die Ankunftsrate hängt vom Pool ab</translation>
    </message>
    <message>
        <source>arrivals are evenly spaced, not Poisson</source>
        <translation>Ankünfte in gleichen Abständen, nicht Poisson</translation>
    </message>
    <message>
        <source>the limiter caps throughput</source>
        <translation>der Ratenbegrenzer deckelt den Durchsatz</translation>
    </message>
    <message>
        <source>shared GPU slots cap concurrency below the pool size</source>
        <translation>geteilte GPU-Plätze begrenzen die Parallelität unter die Pool-Größe</translation>
    </message>
    <message>
        <source>calls time out and leave the queue, which the model does not cover</source>
        <translation>Aufrufe überschreiten ihr Zeitlimit und verlassen die Warteschlange, was das Modell nicht abdeckt</translation>
    </message>
    <message>
        <source>jobs fail, which the model does not cover</source>
        <translation>Jobs schlagen fehl, was das Modell nicht abdeckt</translation>
    </message>
    <message>
        <source>a setting changed: no steady state to compare with</source>
        <translation>eine Einstellung hat sich geändert: kein eingeschwungener Zustand zum Vergleich</translation>
    </message>
    <message>
        <source>the workload&apos;s service time is not known in advance</source>
        <translation>die Bedienzeit der Arbeitslast ist vorab nicht bekannt</translation>
    </message>
    <message>
        <source>no workers, no arrivals or no service time</source>
        <translation>keine Worker, keine Ankünfte oder keine Bedienzeit</translation>
    </message>
    <message>
        <source>unstable: the queue grows without bound</source>
        <translation>instabil: die Warteschlange wächst unbegrenzt</translation>
    </message>
    <message>
        <source>no model: %1</source>
        <translation>kein Modell: %1</translation>
    </message>
    <message>
        <source>%1 predicts p95 %2 ms; no call was measured in the steady part</source>
        <translation>%1 sagt p95 %2 ms voraus; im eingeschwungenen Teil wurde kein Aufruf gemessen</translation>
    </message>
    <message>
        <source>measured p95 %1 ms, %2 predicts %3 ms (%4%)</source>
        <translation>gemessen p95 %1 ms, %2 sagt %3 ms voraus (%4 %)</translation>
    </message>
</context>
<context>
    <name>PngFile</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>PresetChoice</name>
    <message>
        <source>preset %1: %2</source>
        <translation>Voreinstellung %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ProgressReporter</name>
    <message>
        <source>%1 s, %2 calls, %3 completed, %4 waiting</source>
        <translation>%1 s, %2 Aufrufe, %3 abgeschlossen, %4 wartend</translation>
    </message>
    <message>
        <source>progress: %1% (%2)</source>
        <translation>Fortschritt: %1% (%2)</translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Offer calls again (F6)</source>
        <translation>Wieder Aufrufe anbieten (F6)</translation>
    </message>
    <message>
        <source>Stop offering calls for now; outstanding ones go on (F6)</source>
        <translation>Vorerst keine Aufrufe mehr anbieten; ausstehende laufen weiter (F6)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Build the pool and start offering calls</source>
        <translation>Pool aufbauen und mit dem Anbieten von Aufrufen beginnen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>End the run early: stop offering and drain</source>
        <translation>Lauf vorzeitig beenden: keine Aufrufe mehr anbieten und auslaufen lassen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Drop the run at once and clear the charts</source>
        <translation>Lauf sofort verwerfen und Diagramme leeren</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Burst</translation>
    </message>
    <message>
        <source>Make the chosen number of calls at once</source>
        <translation>Die gewählte Anzahl Aufrufe auf einmal ausführen</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message>
        <source>Cancel every outstanding processCtx call</source>
        <translation>Alle ausstehenden processCtx-Aufrufe abbrechen</translation>
    </message>
    <message>
        <source>Close pool</source>
        <translation>Pool schließen</translation>
    </message>
    <message>
        <source>Close the pool mid-run: waiting calls and later ones fail with PoolNotRunning</source>
        <translation>Pool während des Laufs schließen: wartende und spätere Aufrufe schlagen mit PoolNotRunning fehl</translation>
    </message>
    <message>
        <source>Open preset…</source>
        <translation>Voreinstellung öffnen…</translation>
    </message>
    <message>
        <source>Load a preset file</source>
        <translation>Voreinstellungsdatei laden</translation>
    </message>
    <message>
        <source>Save preset…</source>
        <translation>Voreinstellung speichern…</translation>
    </message>
    <message>
        <source>Save the configuration as a preset file</source>
        <translation>Konfiguration als Voreinstellungsdatei speichern</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Write the run&apos;s samples and events as CSV</source>
        <translation>Messwerte und Ereignisse des Laufs als CSV schreiben</translation>
    </message>
    <message>
        <source>Save charts as PNG…</source>
        <translation>Diagramme als PNG speichern…</translation>
    </message>
    <message>
        <source>Write the charts and lanes as an image</source>
        <translation>Diagramme und Worker-Bahnen als Bild schreiben</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Close the window; a run is stopped</source>
        <translation>Fenster schließen; ein aktiver Lauf wird gestoppt</translation>
    </message>
    <message>
        <source>Calls per burst</source>
        <translation>Aufrufe pro Burst</translation>
    </message>
    <message>
        <source> calls</source>
        <translation> Aufrufe</translation>
    </message>
    <message>
        <source>Last 30 s</source>
        <translation>Letzte 30 s</translation>
    </message>
    <message>
        <source>Last 2 min</source>
        <translation>Letzte 2 min</translation>
    </message>
    <message>
        <source>Last 10 min</source>
        <translation>Letzte 10 min</translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation>Gesamter Lauf</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Sweep…</source>
        <translation>Sweep…</translation>
    </message>
    <message>
        <source>Run the preset over a range of a setting, find the knee and recommend a value</source>
        <translation>Die Voreinstellung über einen Bereich einer Einstellung laufen lassen, das Knie finden und einen Wert empfehlen</translation>
    </message>
    <message>
        <source>Save run…</source>
        <translation>Lauf speichern…</translation>
    </message>
    <message>
        <source>Write the finished run as a run file: its scenario, machine, summary, samples and events</source>
        <translation>Den beendeten Lauf als Laufdatei schreiben: Szenario, Rechner, Zusammenfassung, Messwerte und Ereignisse</translation>
    </message>
    <message>
        <source>Open run…</source>
        <translation>Lauf öffnen…</translation>
    </message>
    <message>
        <source>Show a saved run as it was recorded, read-only: its charts, events and settings</source>
        <translation>Einen gespeicherten Lauf so zeigen, wie er aufgezeichnet wurde, nur lesbar: Diagramme, Ereignisse und Einstellungen</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Draw a saved run dashed beside this one, aligned at the start, and list both runs&apos; figures with the change and whether it is beyond run-to-run noise</source>
        <translation>Einen gespeicherten Lauf gestrichelt neben diesen zeichnen, am Start ausgerichtet, und die Kennzahlen beider Läufe mit der Änderung auflisten und ob sie über dem Rauschen zwischen Läufen liegt</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Bericht speichern…</translation>
    </message>
    <message>
        <source>Write the run as one self-contained HTML page: its settings, machine, figures, charts, latency distribution and events; beside the compared run, if any</source>
        <translation>Den Lauf als eine in sich geschlossene HTML-Seite schreiben: Einstellungen, Rechner, Kennzahlen, Diagramme, Latenzverteilung und Ereignisse; neben dem Vergleichslauf, falls es einen gibt</translation>
    </message>
</context>
<context>
    <name>RunReplay</name>
    <message>
        <source>Opened the run %1</source>
        <translation>Lauf %1 geöffnet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recorded run of %1&lt;/b&gt; — %2&lt;br&gt;&lt;i&gt;Recorded on&lt;/i&gt; %3 (%4 cores), %5, Shoal %6. Read-only: Run starts the current configuration again.</source>
        <translation>&lt;b&gt;Aufgezeichneter Lauf von %1&lt;/b&gt; — %2&lt;br&gt;&lt;i&gt;Aufgezeichnet auf&lt;/i&gt; %3 (%4 Kerne), %5, Shoal %6. Nur lesbar: Starten führt wieder die aktuelle Konfiguration aus.</translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Prozessor</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Logical processors</source>
        <translation>Logische Prozessoren</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Shoal</source>
        <translation>Shoal</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Written by Shoal %1 on %2.</source>
        <translation>Geschrieben von Shoal %1 am %2.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Queueing model: %1.</source>
        <translation>Warteschlangenmodell: %1.</translation>
    </message>
    <message>
        <source>Throughput and latency</source>
        <translation>Durchsatz und Latenz</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 s (offering %2 s)</source>
        <translation>%1 s (davon %2 s Angebot)</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <source>%1 calls/s</source>
        <translation>%1 Aufrufe/s</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Latenz p50</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <source>Latency p99</source>
        <translation>Latenz p99</translation>
    </message>
    <message>
        <source>Latency max</source>
        <translation>Latenz max.</translation>
    </message>
    <message>
        <source>Queue wait p95</source>
        <translation>Wartezeit p95</translation>
    </message>
    <message>
        <source>Service p95</source>
        <translation>Bedienzeit p95</translation>
    </message>
    <message>
        <source>Steady part</source>
        <translation>Eingeschwungener Teil</translation>
    </message>
    <message>
        <source>%1 s to %2 s</source>
        <translation>%1 s bis %2 s</translation>
    </message>
    <message>
        <source>Steady p95</source>
        <translation>p95 eingeschwungen</translation>
    </message>
    <message>
        <source>Steady utilisation</source>
        <translation>Auslastung eingeschwungen</translation>
    </message>
    <message>
        <source>Little&apos;s law: calls in the system</source>
        <translation>Littles Gesetz: Aufrufe im System</translation>
    </message>
    <message>
        <source>Little&apos;s law: throughput × mean latency</source>
        <translation>Littles Gesetz: Durchsatz × mittlere Latenz</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>eingereicht</translation>
    </message>
    <message>
        <source>peak waiting</source>
        <translation>höchstens wartend</translation>
    </message>
    <message>
        <source>peak in flight</source>
        <translation>höchstens in Bearbeitung</translation>
    </message>
    <message>
        <source>peak abandoned workers</source>
        <translation>höchstens verwaiste Worker</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>ausgelaufen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no, the pool was closed on the rest</source>
        <translation>nein, der Pool wurde über dem Rest geschlossen</translation>
    </message>
    <message>
        <source>accounting identity</source>
        <translation>Bilanzgleichung</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>stimmt</translation>
    </message>
    <message>
        <source>does NOT hold</source>
        <translation>stimmt NICHT</translation>
    </message>
    <message>
        <source>pool&apos;s own counts</source>
        <translation>Zählung des Pools</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>stimmen überein</translation>
    </message>
    <message>
        <source>DISAGREE</source>
        <translation>WEICHEN AB</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Nothing changed during the run.</source>
        <translation>Während des Laufs hat sich nichts geändert.</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Change or action</source>
        <translation>Änderung oder Aktion</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>Run of %1</source>
        <translation>Lauf von %1</translation>
    </message>
    <message>
        <source>What to watch: %1</source>
        <translation>Worauf zu achten ist: %1</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>The run&apos;s live charts on one time axis, each event a marker.</source>
        <translation>Die Live-Diagramme des Laufs auf einer Zeitachse, jedes Ereignis eine Markierung.</translation>
    </message>
    <message>
        <source>This run file keeps no worker lanes.</source>
        <translation>Diese Laufdatei enthält keine Worker-Bahnen.</translation>
    </message>
    <message>
        <source>The latency distribution over the whole run as a percentile spectrum.</source>
        <translation>Die Latenzverteilung über den ganzen Lauf als Perzentilspektrum.</translation>
    </message>
    <message>
        <source>Sweep of %1 over %2</source>
        <translation>Sweep von %1 über %2</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <source>Throughput and latency against %1, the queueing model dashed.</source>
        <translation>Durchsatz und Latenz über %1, das Warteschlangenmodell gestrichelt.</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>Charts: A solid, B dashed</source>
        <translation>Diagramme: A durchgezogen, B gestrichelt</translation>
    </message>
    <message>
        <source>Run A&apos;s live charts with run B&apos;s lines dashed, both from their start; A&apos;s events as markers and A&apos;s worker lanes.</source>
        <translation>Die Live-Diagramme von Lauf A mit den Linien von Lauf B gestrichelt, beide ab ihrem Start; die Ereignisse von A als Markierungen und die Worker-Bahnen von A.</translation>
    </message>
    <message>
        <source>Both runs&apos; latency distributions as percentile spectra, B dashed.</source>
        <translation>Die Latenzverteilungen beider Läufe als Perzentilspektren, B gestrichelt.</translation>
    </message>
    <message>
        <source>Comparison of %1 and %2</source>
        <translation>Vergleich von %1 und %2</translation>
    </message>
    <message>
        <source>The runs were recorded on different machines or builds: their figures compare only as far as those agree.</source>
        <translation>Die Läufe wurden auf verschiedenen Rechnern oder Builds aufgezeichnet: ihre Kennzahlen sind nur so weit vergleichbar, wie diese übereinstimmen.</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Settings that differ</source>
        <translation>Abweichende Einstellungen</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Both runs used the same settings.</source>
        <translation>Beide Läufe hatten dieselben Einstellungen.</translation>
    </message>
    <message>
        <source>Machine of A</source>
        <translation>Rechner von A</translation>
    </message>
    <message>
        <source>Machine of B</source>
        <translation>Rechner von B</translation>
    </message>
    <message>
        <source>Warm-up per point</source>
        <translation>Aufwärmen je Punkt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Measured per point</source>
        <translation>Gemessen je Punkt</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
</context>
<context>
    <name>RunStatusBar</name>
    <message>
        <source>%1 s elapsed</source>
        <translation>%1 s vergangen</translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation>%1 abgeschlossen</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 timeouts</source>
        <translation>%1 Timeouts</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>no pool</source>
        <translation>kein Pool</translation>
    </message>
    <message>
        <source>pool closed</source>
        <translation>Pool geschlossen</translation>
    </message>
    <message numerus="yes">
        <source>pool of %n</source>
        <translation>
            <numerusform>Pool mit %n Worker</numerusform>
            <numerusform>Pool mit %n Workern</numerusform>
        </translation>
    </message>
    <message>
        <source>%1% of the run</source>
        <translation>%1 % des Laufs</translation>
    </message>
</context>
<context>
    <name>SpectrumView</name>
    <message>
        <source>Latency distribution (percentile spectrum)</source>
        <translation>Latenzverteilung (Perzentilspektrum)</translation>
    </message>
    <message>
        <source>end to end</source>
        <translation>Ende zu Ende</translation>
    </message>
    <message>
        <source>queue wait</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Bedienzeit</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>StateText</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Draining</source>
        <translation>Läuft aus</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <source>blocked in blockUntilReady</source>
        <translation>blockiert in blockUntilReady</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>beschäftigt</translation>
    </message>
    <message>
        <source>abandoned (caller gave up)</source>
        <translation>verwaist (Aufrufer hat aufgegeben)</translation>
    </message>
    <message>
        <source>retiring</source>
        <translation>wird beendet</translation>
    </message>
</context>
<context>
    <name>SummaryTable</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>elapsed</source>
        <translation>verstrichen</translation>
    </message>
    <message>
        <source>%1 s (offering %2 s)</source>
        <translation>%1 s (davon %2 s Aufrufe angeboten)</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>angeboten</translation>
    </message>
    <message>
        <source>%1 calls/s</source>
        <translation>%1 Aufrufe/s</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>latency p50</source>
        <translation>Latenz p50</translation>
    </message>
    <message>
        <source>latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <source>latency p99</source>
        <translation>Latenz p99</translation>
    </message>
    <message>
        <source>latency max</source>
        <translation>Latenz max.</translation>
    </message>
    <message>
        <source>queue wait p95</source>
        <translation>Wartezeit p95</translation>
    </message>
    <message>
        <source>service p95</source>
        <translation>Bedienzeit p95</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>eingereicht</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>timeouts</source>
        <translation>Zeitüberschreitungen</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>rejections</source>
        <translation>Abweisungen</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>nicht laufend</translation>
    </message>
    <message>
        <source>peak waiting</source>
        <translation>max. wartend</translation>
    </message>
    <message>
        <source>peak in flight</source>
        <translation>max. in Bearbeitung</translation>
    </message>
    <message>
        <source>peak abandoned</source>
        <translation>max. verwaist</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>ausgelaufen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no, the pool was closed on the rest</source>
        <translation>nein, der Pool wurde für den Rest geschlossen</translation>
    </message>
    <message>
        <source>accounting</source>
        <translation>Bilanz</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>NOT OK</source>
        <translation>NICHT OK</translation>
    </message>
    <message>
        <source>: %1 submitted, %2 accounted for (completed + timeouts + canceled + errors + rejections + not running)%3</source>
        <translation>: %1 eingereicht, %2 erfasst (abgeschlossen + Zeitüberschreitungen + abgebrochen + Fehler + Abweisungen + nicht laufend)%3</translation>
    </message>
    <message>
        <source>; the pool agrees</source>
        <translation>; der Pool bestätigt dies</translation>
    </message>
    <message>
        <source>; the pool DISAGREES</source>
        <translation>; der Pool WIDERSPRICHT</translation>
    </message>
    <message>
        <source>too short to measure</source>
        <translation>zu kurz zum Messen</translation>
    </message>
    <message>
        <source>%1 s to %2 s: p50 %3, p95 %4, p99 %5, queue wait p95 %6, %7% waited, utilisation %8</source>
        <translation>%1 s bis %2 s: p50 %3, p95 %4, p99 %5, Wartezeit p95 %6, %7 % gewartet, Auslastung %8</translation>
    </message>
    <message>
        <source>rho %1</source>
        <translation>rho %1</translation>
    </message>
    <message>
        <source>rho %1, P(wait) %2, p50 %3, p95 %4, p99 %5, queue wait p95 %6</source>
        <translation>rho %1, P(Warten) %2, p50 %3, p95 %4, p99 %5, Wartezeit p95 %6</translation>
    </message>
    <message>
        <source>steady part</source>
        <translation>eingeschwungener Teil</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>model detail</source>
        <translation>Modelldetails</translation>
    </message>
    <message>
        <source>Little&apos;s law</source>
        <translation>Littles Gesetz</translation>
    </message>
    <message>
        <source>%1 calls in the system, throughput x mean latency %2</source>
        <translation>%1 Aufrufe im System, Durchsatz x mittlere Latenz %2</translation>
    </message>
</context>
<context>
    <name>SweepCharts</name>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>queue wait p95</source>
        <translation>Wartezeit p95</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>%1 model</source>
        <translation>%1 Modell</translation>
    </message>
    <message>
        <source>%1 ≤ %2 ms</source>
        <translation>%1 ≤ %2 ms</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>empfohlen</translation>
    </message>
    <message>
        <source>knee</source>
        <translation>Knie</translation>
    </message>
    <message>
        <source>scaling law (σ %1, κ %2, R² %3)</source>
        <translation>Skalierungsgesetz (σ %1, κ %2, R² %3)</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>calls/s</source>
        <translation>Aufrufe/s</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1, repeat %2: %3 calls/s; p50 %4, p95 %5, p99 %6 ms; wait p95 %7 ms; busy %8%</source>
        <translation>%1, Wiederholung %2: %3 Aufrufe/s; p50 %4, p95 %5, p99 %6 ms; Wartezeit p95 %7 ms; ausgelastet %8%</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>&amp;Logarithmic latency axis</source>
        <translation>&amp;Logarithmische Latenzachse</translation>
    </message>
</context>
<context>
    <name>SweepDock</name>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
</context>
<context>
    <name>SweepForm</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 runs (values x repeats) is more than a sweep takes, at most %2</source>
        <translation>%1 Läufe (Werte x Wiederholungen) sind mehr, als ein Sweep nimmt, höchstens %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Sweep</source>
        <translation>&amp;Sweep</translation>
    </message>
    <message>
        <source>&amp;Values</source>
        <translation>&amp;Werte</translation>
    </message>
    <message>
        <source>&amp;Grid with</source>
        <translation>&amp;Raster mit</translation>
    </message>
    <message>
        <source>V&amp;alues</source>
        <translation>W&amp;erte</translation>
    </message>
    <message>
        <source>&amp;Warm-up (s)</source>
        <translation>&amp;Aufwärmen (s)</translation>
    </message>
    <message>
        <source>&amp;Measured (s)</source>
        <translation>Ge&amp;messen (s)</translation>
    </message>
    <message>
        <source>&amp;Repeats</source>
        <translation>Wieder&amp;holungen</translation>
    </message>
    <message>
        <source>&amp;Objective</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <source>Comma-separated values or ranges: 1,2,4 | 1..8 | 1..16:2 (step) | 50..800*2 (factor)</source>
        <translation>Werte oder Bereiche, durch Kommas getrennt: 1,2,4 | 1..8 | 1..16:2 (Schritt) | 50..800*2 (Faktor)</translation>
    </message>
    <message>
        <source>A second key makes a grid: one curve per value of it</source>
        <translation>Ein zweiter Schlüssel ergibt ein Raster: eine Kurve je Wert</translation>
    </message>
    <message>
        <source>Seconds at the start of each point that are not measured</source>
        <translation>Sekunden zu Beginn jedes Punkts, die nicht gemessen werden</translation>
    </message>
    <message>
        <source>Seconds measured at each point</source>
        <translation>Gemessene Sekunden je Punkt</translation>
    </message>
    <message>
        <source>Each point runs this often, interleaved, so drift shows as scatter</source>
        <translation>Jeder Punkt läuft so oft, verschränkt, damit Drift als Streuung sichtbar wird</translation>
    </message>
    <message>
        <source>The recommendation is the smallest value whose every repeat meets this objective</source>
        <translation>Empfohlen wird der kleinste Wert, dessen Wiederholungen alle dieses Ziel erfüllen</translation>
    </message>
    <message>
        <source>none (find the knee)</source>
        <translation>keines (Knie finden)</translation>
    </message>
    <message>
        <source>%1 at most</source>
        <translation>%1 höchstens</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
</context>
<context>
    <name>SweepOptions</name>
    <message>
        <source>--sweep-preset: the preset &quot;%1&quot; has no sweep section</source>
        <translation>--sweep-preset: die Voreinstellung „%1“ hat keinen Sweep-Abschnitt</translation>
    </message>
    <message>
        <source>--sweep %1: expected KEY=VALUES</source>
        <translation>--sweep %1: erwartet SCHLÜSSEL=WERTE</translation>
    </message>
    <message>
        <source>--sweep %1: %2</source>
        <translation>--sweep %1: %2</translation>
    </message>
    <message>
        <source>no sweep: give --sweep KEY=VALUES, or --sweep-preset with a preset that has a sweep section</source>
        <translation>kein Sweep: --sweep SCHLÜSSEL=WERTE angeben oder --sweep-preset mit einer Voreinstellung, die einen Sweep-Abschnitt hat</translation>
    </message>
    <message>
        <source>--point-seconds: expected seconds from 0.1 to 86400, got &quot;%1&quot;</source>
        <translation>--point-seconds: erwartet Sekunden von 0.1 bis 86400, erhalten „%1“</translation>
    </message>
    <message>
        <source>--warmup-seconds: expected seconds from 0 to 86400, got &quot;%1&quot;</source>
        <translation>--warmup-seconds: erwartet Sekunden von 0 bis 86400, erhalten „%1“</translation>
    </message>
    <message>
        <source>--repeats: expected a whole number from 1 to %1, got &quot;%2&quot;</source>
        <translation>--repeats: erwartet eine ganze Zahl von 1 bis %1, erhalten „%2“</translation>
    </message>
    <message>
        <source>--slo %1: %2</source>
        <translation>--slo %1: %2</translation>
    </message>
    <message>
        <source>too many sweep points: %1 runs (values x repeats), at most %2</source>
        <translation>zu viele Sweep-Punkte: %1 Läufe (Werte × Wiederholungen), höchstens %2</translation>
    </message>
    <message>
        <source>--sweep: %1</source>
        <translation>--sweep: %1</translation>
    </message>
</context>
<context>
    <name>SweepText</name>
    <message>
        <source>%1 &lt;= %2 ms</source>
        <translation>%1 &lt;= %2 ms</translation>
    </message>
    <message>
        <source>With %1 = %2, </source>
        <translation>Mit %1 = %2: </translation>
    </message>
    <message>
        <source>%1 %2 is the smallest meeting %3 at %4 calls/s; %5 gives %6 ms.</source>
        <translation>%1 %2 ist der kleinste Wert, der %3 bei %4 Aufrufen/s einhält; %5 ergibt %6 ms.</translation>
    </message>
    <message>
        <source>%1 %2, the smallest tried, meets %3 at %4 calls/s (%5 ms).</source>
        <translation>%1 %2, der kleinste versuchte Wert, hält %3 bei %4 Aufrufen/s ein (%5 ms).</translation>
    </message>
    <message>
        <source>No %1 tried meets %2; the largest, %3, gives %4 ms.</source>
        <translation>Kein versuchter Wert von %1 hält %2 ein; der größte, %3, ergibt %4 ms.</translation>
    </message>
    <message>
        <source>No objective given; the knee (highest throughput per ms of mean latency) is at %1 %2, %3 calls/s at %4 ms mean.</source>
        <translation>Kein Ziel angegeben; das Knie (höchster Durchsatz je ms mittlerer Latenz) liegt bei %1 %2, %3 Aufrufe/s bei %4 ms im Mittel.</translation>
    </message>
    <message>
        <source>No objective given and no point had a throughput and a latency.</source>
        <translation>Kein Ziel angegeben, und kein Punkt hatte einen Durchsatz und eine Latenz.</translation>
    </message>
    <message>
        <source>rep</source>
        <translation>Wdh.</translation>
    </message>
    <message>
        <source>offered/s</source>
        <translation>angeboten/s</translation>
    </message>
    <message>
        <source>thru/s</source>
        <translation>Durchs./s</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>mean ms</source>
        <translation>Mittel ms</translation>
    </message>
    <message>
        <source>wait95 ms</source>
        <translation>Warten95 ms</translation>
    </message>
    <message>
        <source>util</source>
        <translation>Ausl.</translation>
    </message>
    <message>
        <source>model p95</source>
        <translation>Modell p95</translation>
    </message>
    <message>
        <source>timedOut</source>
        <translation>Zeitüberschr.</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgewiesen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>no value given</source>
        <translation>kein Wert angegeben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>the range &quot;%1&quot; is empty: its end is below its start</source>
        <translation>der Bereich „%1“ ist leer: sein Ende liegt unter seinem Anfang</translation>
    </message>
    <message>
        <source>the step in &quot;%1&quot; must be above zero</source>
        <translation>die Schrittweite in „%1“ muss größer als null sein</translation>
    </message>
    <message>
        <source>the factor in &quot;%1&quot; must be above one</source>
        <translation>der Faktor in „%1“ muss größer als eins sein</translation>
    </message>
    <message>
        <source>the range &quot;%1&quot; must start above zero to grow by a factor</source>
        <translation>der Bereich „%1“ muss über null beginnen, um mit einem Faktor zu wachsen</translation>
    </message>
    <message>
        <source>too many values at &quot;%1&quot;: at most %2</source>
        <translation>zu viele Werte bei „%1“: höchstens %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; repeats a value given before</source>
        <translation>„%1“ wiederholt einen schon angegebenen Wert</translation>
    </message>
    <message>
        <source>no objective given; expected METRIC&lt;=MS</source>
        <translation>kein Ziel angegeben; erwartet METRIK&lt;=MS</translation>
    </message>
    <message>
        <source>expected METRIC&lt;=MS, e.g. p95&lt;=36</source>
        <translation>erwartet METRIK&lt;=MS, z. B. p95&lt;=36</translation>
    </message>
    <message>
        <source>unknown metric &quot;%1&quot;; expected p50, p95, p99 or wait_p95</source>
        <translation>unbekannte Metrik „%1“; erwartet p50, p95, p99 oder wait_p95</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of milliseconds</source>
        <translation>„%1“ ist keine Anzahl Millisekunden</translation>
    </message>
    <message>
        <source>the limit &quot;%1&quot; must be above zero</source>
        <translation>die Grenze „%1“ muss größer als null sein</translation>
    </message>
    <message>
        <source>USL fit: sigma %1, kappa %2, peak at %3, R^2 %4</source>
        <translation>USL-Anpassung: sigma %1, kappa %2, Maximum bei %3, R^2 %4</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <source>about %1 min left</source>
        <translation>noch etwa %1 min</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Nicht gestartet: %1</translation>
    </message>
    <message>
        <source>%1 of %2 runs, %3</source>
        <translation>%1 von %2 Läufen, %3</translation>
    </message>
    <message>
        <source>%1 of %2 runs</source>
        <translation>%1 von %2 Läufen</translation>
    </message>
    <message>
        <source>The sweep stopped: %1</source>
        <translation>Der Sweep wurde angehalten: %1</translation>
    </message>
    <message>
        <source>Canceled after %1 of %2 runs.</source>
        <translation>Abgebrochen nach %1 von %2 Läufen.</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>no finished sweep to export</source>
        <translation>kein fertiger Sweep zum Exportieren</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Export sweep as CSV</source>
        <translation>Sweep als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save sweep curves</source>
        <translation>Sweep-Kurven speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png);;All files (*)</source>
        <translation>PNG-Bilder (*.png);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Run sweep</source>
        <translation>Sweep &amp;starten</translation>
    </message>
    <message>
        <source>Run the preset once per point, each a fresh pool; the live charts show each run</source>
        <translation>Die Voreinstellung einmal je Punkt laufen lassen, jedes Mal mit frischem Pool; die Live-Diagramme zeigen jeden Lauf</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Export C&amp;SV…</source>
        <translation>C&amp;SV exportieren…</translation>
    </message>
    <message>
        <source>Save &amp;image…</source>
        <translation>&amp;Bild speichern…</translation>
    </message>
    <message>
        <source>no finished sweep to report</source>
        <translation>kein beendeter Sweep für einen Bericht</translation>
    </message>
    <message>
        <source>Save re&amp;port…</source>
        <translation>&amp;Bericht speichern…</translation>
    </message>
    <message>
        <source>Write the sweep as one HTML page: its table, recommendation, curves, settings and machine</source>
        <translation>Den Sweep als eine HTML-Seite schreiben: Tabelle, Empfehlung, Kurven, Einstellungen und Rechner</translation>
    </message>
</context>
<context>
    <name>TheoryPanel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>model %1, measured –</source>
        <translation>Modell %1, gemessen –</translation>
    </message>
    <message>
        <source>model %1, measured %2</source>
        <translation>Modell %1, gemessen %2</translation>
    </message>
    <message>
        <source>model %1, measured %2 (%3)</source>
        <translation>Modell %1, gemessen %2 (%3)</translation>
    </message>
    <message>
        <source>no model: closed loop</source>
        <translation>kein Modell: geschlossene Schleife</translation>
    </message>
    <message>
        <source>no model: arrivals are evenly spaced</source>
        <translation>kein Modell: Ankünfte in gleichem Abstand</translation>
    </message>
    <message>
        <source>no model: the limiter caps throughput</source>
        <translation>kein Modell: der Ratenbegrenzer deckelt den Durchsatz</translation>
    </message>
    <message>
        <source>no model: shared slots cap concurrency</source>
        <translation>kein Modell: geteilte Slots begrenzen die Parallelität</translation>
    </message>
    <message>
        <source>no model: calls time out</source>
        <translation>kein Modell: Aufrufe laufen in Timeouts</translation>
    </message>
    <message>
        <source>no model: jobs fail</source>
        <translation>kein Modell: Jobs schlagen fehl</translation>
    </message>
    <message>
        <source>no model: a setting changed during the run</source>
        <translation>kein Modell: eine Einstellung hat sich während des Laufs geändert</translation>
    </message>
    <message>
        <source>no model: the service time is not known in advance</source>
        <translation>kein Modell: die Bedienzeit ist vorab nicht bekannt</translation>
    </message>
    <message>
        <source>no model: no workers, arrivals or service time</source>
        <translation>kein Modell: keine Worker, Ankünfte oder Bedienzeit</translation>
    </message>
    <message>
        <source>unstable: the queue grows without bound</source>
        <translation>instabil: die Warteschlange wächst unbegrenzt</translation>
    </message>
    <message>
        <source>Callers wait for their answers, so the arrival rate depends on the pool.</source>
        <translation>Aufrufer warten auf ihre Antworten, daher hängt die Ankunftsrate vom Pool ab.</translation>
    </message>
    <message>
        <source>Erlang C needs Poisson arrivals; switch the arrival process to Poisson.</source>
        <translation>Erlang C braucht Poisson-Ankünfte; stellen Sie den Ankunftsprozess auf Poisson.</translation>
    </message>
    <message>
        <source>The limiter caps throughput: workers wait for tokens, not for calls.</source>
        <translation>Der Ratenbegrenzer deckelt den Durchsatz: Worker warten auf Tokens, nicht auf Aufrufe.</translation>
    </message>
    <message>
        <source>Fewer slots than workers: the slots are the servers, not the pool.</source>
        <translation>Weniger Slots als Worker: die Slots sind die Bediener, nicht der Pool.</translation>
    </message>
    <message>
        <source>Callers leave the queue when they time out; abandonment is not modelled.</source>
        <translation>Aufrufer verlassen bei einem Timeout die Warteschlange; Abbrüche bildet das Modell nicht ab.</translation>
    </message>
    <message>
        <source>Failed jobs end early; the model has no failed calls.</source>
        <translation>Fehlgeschlagene Jobs enden früh; das Modell kennt keine fehlgeschlagenen Aufrufe.</translation>
    </message>
    <message>
        <source>The queue has no steady state while settings change.</source>
        <translation>Solange sich Einstellungen ändern, hat die Warteschlange keinen stationären Zustand.</translation>
    </message>
    <message>
        <source>Only the synthetic workload&apos;s service time is known before it runs.</source>
        <translation>Nur die Bedienzeit der synthetischen Arbeitslast ist vor dem Lauf bekannt.</translation>
    </message>
    <message>
        <source>The model needs workers, an arrival rate and a service time.</source>
        <translation>Das Modell braucht Worker, eine Ankunftsrate und eine Bedienzeit.</translation>
    </message>
    <message>
        <source>Arrivals exceed what the workers can serve: add workers or lower the rate.</source>
        <translation>Es kommen mehr Aufrufe an, als die Worker bedienen können: mehr Worker oder eine niedrigere Rate.</translation>
    </message>
    <message>
        <source>Close to saturation: p95 takes long to settle and swings with small changes in load.</source>
        <translation>Nahe der Sättigung: p95 braucht lange, um sich einzupendeln, und schwankt bei kleinen Laständerungen stark.</translation>
    </message>
    <message>
        <source>Service times are not exponential (service p95 %1, exponential %2): switch to M/G/c.</source>
        <translation>Die Bedienzeiten sind nicht exponentiell (Bedienzeit p95 %1, exponentiell %2): zu M/G/c wechseln.</translation>
    </message>
    <message>
        <source>Slower than the model: a busy machine stretches service times (compare service p95).</source>
        <translation>Langsamer als das Modell: eine ausgelastete Maschine dehnt die Bedienzeiten (Bedienzeit p95 vergleichen).</translation>
    </message>
    <message>
        <source>Faster than the model: the run has not reached a steady state yet.</source>
        <translation>Schneller als das Modell: der Lauf hat noch keinen stationären Zustand erreicht.</translation>
    </message>
    <message>
        <source>%1, c = %2</source>
        <translation>%1, c = %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Utilisation ρ</source>
        <translation>Auslastung ρ</translation>
    </message>
    <message>
        <source>P(wait)</source>
        <translation>P(Warten)</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <source>Queue wait p95</source>
        <translation>Wartezeit p95</translation>
    </message>
</context>
<context>
    <name>TimeAxisTicks</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>WindowDocks</name>
    <message>
        <source>Controls</source>
        <translation>Steuerung</translation>
    </message>
    <message>
        <source>Theory</source>
        <translation>Theorie</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Latency distribution</source>
        <translation>Latenzverteilung</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Voreinstellungen</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
</context>
<context>
    <name>WorkerLanes</name>
    <message>
        <source>Worker lanes</source>
        <translation>Worker-Bahnen</translation>
    </message>
    <message>
        <source>No workers yet: press Run</source>
        <translation>Noch keine Worker: Klicken Sie auf „Starten“</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Dispatch order: longest idle first. Calls rotate over every idle worker, as in tunny, so at low load every lane takes a share.</source>
        <translation>Vergabereihenfolge: am längsten untätig zuerst. Aufrufe gehen reihum an jeden untätigen Worker, wie in tunny, sodass bei geringer Last jede Bahn ihren Teil bekommt.</translation>
    </message>
    <message>
        <source>Dispatch order: newest idle first. The worker that went idle last gets the next call, the cheapest handoff, so at low load one lane does nearly every job while the others stay idle.</source>
        <translation>Vergabereihenfolge: zuletzt untätig zuerst. Der Worker, der als letzter untätig wurde, bekommt den nächsten Aufruf, die billigste Übergabe; daher erledigt bei geringer Last eine Bahn fast jeden Job, während die anderen untätig bleiben.</translation>
    </message>
    <message>
        <source>One row per worker, coloured by its state.</source>
        <translation>Eine Zeile pro Worker, gefärbt nach seinem Zustand.</translation>
    </message>
    <message>
        <source>This run file keeps no worker lanes</source>
        <translation>Diese Laufdatei enthält keine Worker-Bahnen</translation>
    </message>
</context>
<context>
    <name>WorkloadParamsEditor</name>
    <message>
        <source>Payload (bytes)</source>
        <translation>Nutzlast (Bytes)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <source>Corpus seed</source>
        <translation>Korpus-Startwert</translation>
    </message>
    <message>
        <source>Target size (px)</source>
        <translation>Zielgröße (px)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>Max pixels</source>
        <translation>Max. Pixel</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>Mean (ms)</source>
        <translation>Mittelwert (ms)</translation>
    </message>
    <message>
        <source>Spread (ms)</source>
        <translation>Streuung (ms)</translation>
    </message>
    <message>
        <source>Sigma (log-normal)</source>
        <translation>Sigma (log-normal)</translation>
    </message>
    <message>
        <source>Slow fraction</source>
        <translation>Anteil langsam</translation>
    </message>
    <message>
        <source>Slow (ms)</source>
        <translation>Langsam (ms)</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Arguments (JSON)</source>
        <translation>Argumente (JSON)</translation>
    </message>
    <message>
        <source>Child process</source>
        <translation>Kindprozess</translation>
    </message>
    <message>
        <source>Input line ({n})</source>
        <translation>Eingabezeile ({n})</translation>
    </message>
    <message>
        <source>On timeout or cancel</source>
        <translation>Bei Timeout oder Abbruch</translation>
    </message>
    <message>
        <source>Honour interrupt</source>
        <translation>Unterbrechung beachten</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>GPU slots</source>
        <translation>GPU-Slots</translation>
    </message>
    <message>
        <source>built-in corpus</source>
        <translation>eingebauter Korpus</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner auswählen</translation>
    </message>
    <message>
        <source>Sleep or spin</source>
        <translation>Schlafen oder rechnen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source> (default)</source>
        <translation> (Standard)</translation>
    </message>
</context>
</TS>
