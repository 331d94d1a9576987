# Italiano. I tipi di record, TTL e «Proxied» restano come li scrivono i pannelli DNS.

## The page

skip = Vai al contenuto
loading-request = Caricamento della richiesta…
not-found = Non trovato
not-found-body = Qui non c'è nessuna pagina: questo indirizzo non è un URL di applicazione Domain Connect.
home = Home
punycode = punycode
nothing-changed = Non è stato modificato nulla.
diagnostic = Diagnostica per l'assistenza
config-problem = La configurazione non può essere usata
config-problem-body = Nulla verrà letto da un provider DNS o scritto su di esso finché non sarà corretta.

## When the request cannot be shown

problem-link-invalid = Questo link non è una richiesta Domain Connect valida
problem-not-supported = Questo provider DNS non supporta ancora { $service } di { $provider }
problem-template-unreadable = Il modello del servizio non può essere letto
problem-zone-unreadable = I record del tuo dominio non possono essere letti
problem-config-unusable = La configurazione del provider DNS non può essere usata
advice-start-again = Torna al servizio che ti ha mandato qui e ricomincia la configurazione. Se succede di nuovo, invia la diagnostica qui sotto alla sua assistenza.
advice-try-later = Riprova tra un momento. Se continua a non funzionare, invia la diagnostica qui sotto all'assistenza del tuo provider DNS.
advice-not-supported = Chiedi al servizio un altro modo per collegare il tuo dominio, oppure aggiungi a mano i record necessari nel pannello del tuo provider DNS.

## Signing in to the records API

credential-title = Accedi al tuo provider DNS
credential-intro = Questa pagina ha bisogno di accedere ai record del tuo dominio. Se l'ha aperta il pannello del tuo provider DNS, le passa l'accesso da solo; altrimenti inserisci il tuo token API.
credential-refused = Il tuo provider DNS ha rifiutato l'accesso dato a questa pagina: potrebbe essere scaduto. Non è stato letto né modificato nulla; la pagina attende un nuovo accesso.
credential-token = Token API
credential-keep = Conservalo per questa scheda
continue = Continua
credential-why = Il token resta in questa pagina (o in questa scheda, se lo chiedi): non finisce mai in un indirizzo, in un log o in un download.

## Who asks for what

lead = { $provider } chiede di configurare { $service } su { $domain }
lead-host = { $provider } chiede di configurare { $service } su { $domain } per l'host { $host }
note-template-names = Modello: { $provider } / { $service } ({ $ids })
note-service-labels = { $labels }: un nome che inizia con un trattino basso contiene impostazioni per un servizio (autenticazione della posta, certificati), non un sito web.
note-groups = Vengono applicate solo queste parti del modello (groupId): { $groups }.
key-in-config = Il config.json di questa pagina contiene la chiave dell'API dei record, quindi chiunque possa aprire questa pagina può leggerla. Serve solo per i test su questa macchina: passa invece la chiave dal tuo pannello.
already-set-up = { $service } è già configurato su { $domain }: non cambierebbe nulla.

## The signature and the refusals

sig-valid = Firmato da { $provider }: la firma è valida (chiave { $key }).
sig-invalid = La firma non è valida: { $reason }.
sig-required = È richiesta una firma: { $reason }.
sig-not-used = Questo modello non usa firme.
phishing = Controlla questa richiesta: i suoi valori sono stati scelti da chi ha creato il link e nessuna firma verificata li garantisce. Applicala solo se hai avviato tu questa configurazione su { $service }.
cannot-apply = Questa richiesta non può essere applicata:
refusal-signature = la sua firma non è valida (vedi sopra)
refusal-sync-block = il modello non può essere applicato da un link (syncBlock)
refusal-host-required = il modello deve essere applicato a un host e il link non ne indica nessuno (hostRequired)
refusal-key-unavailable = non è stato possibile leggere la chiave su { $host }: { $reason }
refusal-template-mismatch = il link indica il modello { $asked }, ma il modello esaminato è { $reviewed }
refusal-control-character = il parametro { $parameter } contiene il carattere di controllo { $character } alla posizione { $position }
refusal-redirect = l'indirizzo di ritorno { $uri } non può essere usato: { $reason }
refusal-apply = il modello non può essere applicato: { $error }

## How this was checked

how-checked = Come è stato verificato
signed-bytes = Byte firmati:
searching-signed = Ricerca di ciò che è stato firmato…
search-no-answer = La ricerca non ha dato risposta.
search-failed = Qui non è possibile cercare ciò che è stato firmato: { $error }.
what-verifies = Ciò che è valido:
sources = Modello da { $template }; zona da { $zone }.
return-none = Nessun redirect_uri: la finestra si chiude al termine.
return-allowed = Ritorna a { $uri } ({ $because }).
return-refused = Non ritornerà a { $uri }: { $reason }.
unused-parameters = Parametri che il modello non usa: { $list }
missing-variables = Variabili che il link non fornisce: { $list }
ignored = Ignorato: { $what }

## The records

changes-summary = { $add } da aggiungere, { $remove } da rimuovere, { $present } già presenti, { $others } altri record invariati
changes-caption = Record modificati da questo modello
col-change = Modifica
col-type = Tipo
col-name = Nome
col-data = Dati
col-ttl = TTL
col-why = Motivo
col-proxy = Proxy
label-added = aggiunto
label-removed = rimosso
label-kept = mantenuto
data-priority = priorità { $priority }
data-weight-port = peso { $weight } porta { $port }
why-rewritten = già presente: riscritto identico
why-spf-merged = regole SPF unite al record SPF esistente
why-kept = già presente, come richiede il modello
by-new-record = il nuovo record { $type } su { $name }
why-cname = conflitto CNAME: un CNAME non può coesistere con altri record sullo stesso nome ({ $by })
why-same-type = sostituito da { $by }
why-srv = sostituito da { $by } (un nuovo SRV sostituisce tutti i record SRV di quel nome)
why-txt-all = sostituito da { $by } (txtConflictMatchingMode All)
why-txt-prefix = sostituito da { $by }: il suo testo inizia con «{ $prefix }» (txtConflictMatchingMode Prefix)
why-spf = regole SPF unite in { $by }, che sostituisce questo record SPF
why-ns-delegation = { $by } delega altrove questo nome
why-ns-above = questa delega nasconderebbe { $by }
why-redirect = sostituito dal reindirizzamento { $by }
why-previous = applicazione precedente di { $template } sull'host «{ $host }», sostituita da questa
why-cascade = parte di un'applicazione precedente di { $template } il cui record essenziale { $record } viene rimosso
show-other = { $count ->
    [one] Mostra l'altro record
   *[other] Mostra gli altri { $count } record
}
unchanged-count = { $count ->
    [one] { $count } record invariato
   *[other] { $count } record invariati
}
show-more = Mostra altri { $count } ({ $rest } non mostrati)
proxied = Proxied
dns-only = DNS only
proxy-label = Proxy { $type } { $name }
proxy-mixed = { $name }: record con e senza proxy condividerebbero questo nome, quindi alcuni visitatori raggiungerebbero il proxy e altri direttamente il server
proxy-unreachable = { $name }: il record con proxy punta a { $address }, un indirizzo di tipo { $kind } che il proxy non può raggiungere da Internet

## What a change breaks

stops = Questo interrompe { $service }.
stops-one-of = Questo interrompe uno di questi servizi: { $services }.
one-of = uno tra { $service }
disables = Collegare disattiva:
disables-used-for = I record che rimuove servono per: { $uses }.
concern-mail = la posta
concern-verification = dimostrare che il dominio è tuo
concern-essential = un servizio che li indica come essenziali
concern-other = un servizio

## Connect, Cancel and after

connect = Collega
cancel = Annulla
connect-why = Collega non è disponibile: questa richiesta non può essere applicata (vedi sopra).
applying = Applicazione delle modifiche…
done-applied = Fatto: le modifiche sono state applicate ({ $at }).
done-already = Fatto: i record del tuo dominio contengono già queste modifiche ({ $at }).
returning = Ritorno a { $to }…
close-window = Puoi chiudere questa finestra.
request-sent = La richiesta inviata
cancelled-returning = Annullato. Ritorno a { $to }…
cancelled-close = Annullato: non è stato modificato nulla. Puoi chiudere questa finestra.
return-to-service = Torna al servizio
done = Fatto
failed-not-applied = Le modifiche non sono state applicate.
failed-zone-changed = I record del tuo dominio sono cambiati dopo che questa pagina li ha letti, quindi non è stato applicato nulla. Ricarica la pagina per rivedere le modifiche rispetto ai record attuali.
failed-unknown = Non si sa se le modifiche siano state applicate.
failed-nothing-changed = Non è stato modificato nulla.
failed-check-dashboard = Controlla i record del tuo dominio nel pannello del tuo provider DNS prima di riprovare.
zone-gone = scomparso: { $record }
zone-new = nuovo: { $record }
save-change = Salva questa modifica:
download-json = come JSON
download-bind = come testo di file di zona
download-request = la richiesta inviata, con la zona prima e dopo (senza chiave)
undo = Annulla modifica
undone = Modifica annullata: i tuoi record sono tornati com'erano prima di Collega.
note-already-made = Collega ha riletto i record del tuo dominio e ha trovato queste modifiche già fatte (forse da un'altra scheda o finestra), quindi non è stato inviato nulla.
note-answer-lost = La risposta è andata persa ({ $failure }), ma rileggendo la zona ogni modifica risulta al suo posto.
sandbox-provider = provider di prova (memoria di questo browser)

## Checking the records over DNS

verify-new = Verifica che i nuovi record rispondano
verify-earlier = Verifica che i record precedenti rispondano di nuovo
verify-progress = record che rispondono come previsto
verify-seen = risponde come previsto
verify-waiting = in attesa…
verify-unseen = non ancora visibile
verify-not-checked = non verificato: { $why }
verify-checking = { $count } di { $total } rispondono; nuova richiesta (giro { $round } di { $rounds })…
verify-done = { $total ->
    [one] Il record risponde come previsto.
   *[other] Tutti i { $total } record rispondono come previsto.
}
verify-not-yet = { $count } di { $total } rispondono come previsto finora. Gli altri non sono ancora visibili: le risposte DNS possono impiegare qualche minuto a cambiare; non devi fare nulla.
verify-unavailable = Non è stato possibile verificare i record: { $why }
