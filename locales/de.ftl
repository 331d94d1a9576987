# Deutsch. Record-Typen, TTL und „Proxied“ bleiben, wie DNS-Dashboards sie schreiben.

## The page

skip = Zum Inhalt springen
loading-request = Die Anfrage wird geladen…
not-found = Nicht gefunden
not-found-body = Hier gibt es keine Seite: Diese Adresse ist keine Domain-Connect-Apply-URL.
home = Startseite
punycode = Punycode
nothing-changed = Es wurde nichts geändert.
diagnostic = Diagnose für den Support
config-problem = Die Konfiguration kann nicht verwendet werden
config-problem-body = Bis sie korrigiert ist, wird nichts von einem DNS-Anbieter gelesen oder dorthin geschrieben.

## When the request cannot be shown

problem-link-invalid = Dieser Link ist keine gültige Domain-Connect-Anfrage
problem-not-supported = Dieser DNS-Anbieter unterstützt { $service } von { $provider } noch nicht
problem-template-unreadable = Die Vorlage des Dienstes kann nicht gelesen werden
problem-zone-unreadable = Die DNS-Einträge Ihrer Domain können nicht gelesen werden
problem-config-unusable = Die Konfiguration des DNS-Anbieters kann nicht verwendet werden
advice-start-again = Kehren Sie zu dem Dienst zurück, der Sie hierher geschickt hat, und starten Sie die Einrichtung erneut. Wenn das wieder passiert, senden Sie die Diagnose unten an dessen Support.
advice-try-later = Versuchen Sie es gleich noch einmal. Wenn es weiterhin fehlschlägt, senden Sie die Diagnose unten an den Support Ihres DNS-Anbieters.
advice-not-supported = Fragen Sie den Dienst nach einem anderen Weg, Ihre Domain zu verbinden, oder legen Sie die benötigten Einträge im Dashboard Ihres DNS-Anbieters von Hand an.

## Signing in to the records API

credential-title = Bei Ihrem DNS-Anbieter anmelden
credential-intro = Diese Seite braucht Zugriff auf die DNS-Einträge Ihrer Domain. Wenn das Dashboard Ihres DNS-Anbieters sie geöffnet hat, übergibt es den Zugriff selbst; andernfalls geben Sie Ihr API-Token ein.
credential-refused = Ihr DNS-Anbieter hat den Zugriff dieser Seite abgelehnt: Er ist vielleicht abgelaufen. Es wurde nichts gelesen oder geändert; die Seite wartet auf einen neuen.
credential-token = API-Token
credential-keep = Für diesen Tab behalten
continue = Weiter
credential-why = Das Token bleibt in dieser Seite (oder, wenn Sie es wünschen, in diesem Tab): Es steht nie in einer Adresse, einem Log oder einem Download.

## Who asks for what

lead = { $provider } möchte { $service } auf { $domain } einrichten
lead-host = { $provider } möchte { $service } auf { $domain } beim Host { $host } einrichten
note-template-names = Vorlage: { $provider } / { $service } ({ $ids })
note-service-labels = { $labels }: Ein Name, der mit einem Unterstrich beginnt, enthält Einstellungen für einen Dienst (E-Mail-Authentifizierung, Zertifikate), keine Website.
note-groups = Nur diese Teile der Vorlage werden angewendet (groupId): { $groups }.
key-in-config = Die config.json dieser Seite enthält den Schlüssel der Records-API, sodass jeder, der diese Seite öffnen kann, ihn lesen kann. Das ist nur zum Testen auf diesem Rechner gedacht: Übergeben Sie den Schlüssel stattdessen aus Ihrem Dashboard.
already-set-up = { $service } ist auf { $domain } bereits eingerichtet: Es würde sich nichts ändern.

## The signature and the refusals

sig-valid = Signiert von { $provider }: Die Signatur ist gültig (Schlüssel { $key }).
sig-invalid = Die Signatur ist nicht gültig: { $reason }.
sig-required = Eine Signatur ist erforderlich: { $reason }.
sig-not-used = Diese Vorlage verwendet keine Signaturen.
phishing = Prüfen Sie diese Anfrage: Ihre Werte hat gewählt, wer den Link erstellt hat, und keine geprüfte Signatur bürgt für sie. Wenden Sie sie nur an, wenn Sie diese Einrichtung selbst bei { $service } begonnen haben.
cannot-apply = Diese Anfrage kann nicht angewendet werden:
refusal-signature = ihre Signatur hält nicht (siehe oben)
refusal-sync-block = die Vorlage darf nicht über einen Link angewendet werden (syncBlock)
refusal-host-required = die Vorlage muss bei einem Host angewendet werden, und der Link nennt keinen (hostRequired)
refusal-key-unavailable = der Schlüssel bei { $host } konnte nicht gelesen werden: { $reason }
refusal-template-mismatch = der Link nennt die Vorlage { $asked }, geprüft wurde aber die Vorlage { $reviewed }
refusal-control-character = der Parameter { $parameter } enthält das Steuerzeichen { $character } an Zeichenposition { $position }
refusal-redirect = die Rücksprungadresse { $uri } darf nicht verwendet werden: { $reason }
refusal-apply = die Vorlage kann nicht angewendet werden: { $error }

## How this was checked

how-checked = Wie dies geprüft wurde
signed-bytes = Signierte Bytes:
searching-signed = Es wird gesucht, was signiert wurde…
search-no-answer = Die Suche ergab keine Antwort.
search-failed = Was signiert wurde, kann hier nicht gesucht werden: { $error }.
what-verifies = Was gültig ist:
sources = Vorlage aus { $template }; Zone aus { $zone }.
return-none = Keine redirect_uri: Das Fenster schließt sich, wenn alles erledigt ist.
return-allowed = Kehrt zurück zu { $uri } ({ $because }).
return-refused = Kehrt nicht zurück zu { $uri }: { $reason }.
unused-parameters = Parameter, die die Vorlage nicht verwendet: { $list }
missing-variables = Variablen, die der Link nicht angibt: { $list }
ignored = Ignoriert: { $what }

## The records

changes-summary = { $add } hinzuzufügen, { $remove } zu entfernen, { $present } bereits vorhanden, { $others } weitere Einträge unverändert
changes-caption = Einträge, die diese Vorlage ändert
col-change = Änderung
col-type = Typ
col-name = Name
col-data = Daten
col-ttl = TTL
col-why = Grund
col-proxy = Proxy
label-added = hinzugefügt
label-removed = entfernt
label-kept = beibehalten
data-priority = Priorität { $priority }
data-weight-port = Gewichtung { $weight } Port { $port }
why-rewritten = bereits vorhanden: wird unverändert neu geschrieben
why-spf-merged = SPF-Regeln in den vorhandenen SPF-Eintrag übernommen
why-kept = bereits vorhanden, wie die Vorlage es verlangt
by-new-record = den neuen { $type }-Eintrag bei { $name }
why-cname = CNAME-Konflikt: Ein CNAME kann nicht neben anderen Einträgen desselben Namens bestehen ({ $by })
why-same-type = ersetzt durch { $by }
why-srv = ersetzt durch { $by } (ein neuer SRV ersetzt alle SRV-Einträge dieses Namens)
why-txt-all = ersetzt durch { $by } (txtConflictMatchingMode All)
why-txt-prefix = ersetzt durch { $by }: Sein Text beginnt mit „{ $prefix }“ (txtConflictMatchingMode Prefix)
why-spf = SPF-Regeln übernommen in { $by }, der diesen SPF-Eintrag ersetzt
why-ns-delegation = { $by } delegiert diesen Namen weg
why-ns-above = diese Delegierung würde { $by } verdecken
why-redirect = ersetzt durch die Weiterleitung { $by }
why-previous = frühere Anwendung von { $template } beim Host „{ $host }“, durch diese ersetzt
why-cascade = Teil einer früheren Anwendung von { $template }, deren wesentlicher Eintrag { $record } entfernt wird
show-other = { $count ->
    [one] Den übrigen Eintrag anzeigen
   *[other] Die übrigen { $count } Einträge anzeigen
}
unchanged-count = { $count ->
    [one] { $count } unveränderter Eintrag
   *[other] { $count } unveränderte Einträge
}
show-more = { $count } weitere anzeigen ({ $rest } nicht angezeigt)
proxied = Proxied
dns-only = DNS only
proxy-label = Proxy für { $type } { $name }
proxy-mixed = { $name }: Einträge mit und ohne Proxy hätten denselben Namen, sodass manche Besucher den Proxy und andere direkt den Server erreichen
proxy-unreachable = { $name }: Der Eintrag mit Proxy zeigt auf { $address }, eine Adresse vom Typ { $kind }, die der Proxy aus dem Internet nicht erreicht

## What a change breaks

stops = Damit funktioniert { $service } nicht mehr.
stops-one-of = Damit funktioniert einer dieser Dienste nicht mehr: { $services }.
one-of = einer von { $service }
disables = Verbinden deaktiviert:
disables-used-for = Die entfernten Einträge werden verwendet für: { $uses }.
concern-mail = E-Mail
concern-verification = den Nachweis, dass die Domain Ihnen gehört
concern-essential = einen Dienst, der sie als wesentlich kennzeichnet
concern-other = einen Dienst

## Connect, Cancel and after

connect = Verbinden
cancel = Abbrechen
connect-why = Verbinden wird nicht angeboten: Diese Anfrage kann nicht angewendet werden (siehe oben).
applying = Die Änderungen werden angewendet…
done-applied = Fertig: Die Änderungen wurden angewendet ({ $at }).
done-already = Fertig: Die DNS-Einträge Ihrer Domain enthalten diese Änderungen bereits ({ $at }).
returning = Sie werden zu { $to } zurückgeleitet…
close-window = Sie können dieses Fenster schließen.
request-sent = Die gesendete Anfrage
cancelled-returning = Abgebrochen. Sie werden zu { $to } zurückgeleitet…
cancelled-close = Abgebrochen: Es wurde nichts geändert. Sie können dieses Fenster schließen.
return-to-service = Zurück zum Dienst
done = Fertig
failed-not-applied = Die Änderungen wurden nicht angewendet.
failed-zone-changed = Die DNS-Einträge Ihrer Domain haben sich geändert, nachdem diese Seite sie gelesen hat, daher wurde nichts angewendet. Laden Sie die Seite neu, um die Änderungen mit den aktuellen Einträgen zu prüfen.
failed-unknown = Es ist nicht bekannt, ob die Änderungen angewendet wurden.
failed-nothing-changed = Es wurde nichts geändert.
failed-check-dashboard = Prüfen Sie die DNS-Einträge Ihrer Domain im Dashboard Ihres DNS-Anbieters, bevor Sie es erneut versuchen.
zone-gone = entfernt: { $record }
zone-new = neu: { $record }
save-change = Diese Änderung speichern:
download-json = als JSON
download-bind = als Zonendatei-Text
download-request = die gesendete Anfrage, mit der Zone vorher und nachher (ohne Schlüssel)
undo = Rückgängig
undone = Rückgängig gemacht: Ihre Einträge sind wieder so wie vor dem Verbinden.
note-already-made = Verbinden hat die DNS-Einträge Ihrer Domain erneut gelesen und diese Änderungen bereits vorgefunden (vielleicht aus einem anderen Tab oder Fenster), daher wurde nichts gesendet.
note-answer-lost = Die Antwort ging verloren ({ $failure }), aber erneutes Lesen der Zone zeigt jede Änderung an ihrem Platz.
sandbox-provider = Sandbox-Anbieter (Speicher dieses Browsers)

## Checking the records over DNS

verify-new = Prüfen, ob die neuen Einträge antworten
verify-earlier = Prüfen, ob die früheren Einträge wieder antworten
verify-progress = Einträge, die wie erwartet antworten
verify-seen = antwortet wie erwartet
verify-waiting = warten…
verify-unseen = noch nicht sichtbar
verify-not-checked = nicht geprüft: { $why }
verify-checking = { $count } von { $total } antworten; erneute Abfrage (Runde { $round } von { $rounds })…
verify-done = { $total ->
    [one] Der Eintrag antwortet wie erwartet.
   *[other] Alle { $total } Einträge antworten wie erwartet.
}
verify-not-yet = { $count } von { $total } antworten bisher wie erwartet. Die übrigen sind noch nicht sichtbar: DNS-Antworten können einige Minuten brauchen, bis sie sich ändern; Sie müssen nichts tun.
verify-unavailable = Die Einträge konnten nicht geprüft werden: { $why }
