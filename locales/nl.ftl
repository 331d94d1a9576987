# Nederlands. Recordtypen, TTL en „Proxied” blijven zoals DNS-dashboards ze schrijven.

## The page

skip = Naar de inhoud
loading-request = Het verzoek wordt geladen…
not-found = Niet gevonden
not-found-body = Hier is geen pagina: dit adres is geen Domain Connect-apply-URL.
home = Start
punycode = punycode
nothing-changed = Er is niets gewijzigd.
diagnostic = Diagnose voor support
config-problem = De configuratie kan niet worden gebruikt
config-problem-body = Er wordt niets bij een DNS-provider gelezen of geschreven totdat dit is opgelost.

## When the request cannot be shown

problem-link-invalid = Deze link is geen geldig Domain Connect-verzoek
problem-not-supported = Deze DNS-provider ondersteunt { $service } van { $provider } nog niet
problem-template-unreadable = Het sjabloon van de dienst kan niet worden gelezen
problem-zone-unreadable = De records van uw domein kunnen niet worden gelezen
problem-config-unusable = De configuratie van de DNS-provider kan niet worden gebruikt
advice-start-again = Ga terug naar de dienst die u hierheen stuurde en begin de installatie opnieuw. Gebeurt dit opnieuw, stuur dan de diagnose hieronder naar hun support.
advice-try-later = Probeer het zo meteen opnieuw. Blijft het mislukken, stuur dan de diagnose hieronder naar de support van uw DNS-provider.
advice-not-supported = Vraag de dienst om een andere manier om uw domein te koppelen, of voeg de benodigde records zelf toe in het dashboard van uw DNS-provider.

## Signing in to the records API

credential-title = Meld u aan bij uw DNS-provider
credential-intro = Deze pagina heeft toegang nodig tot de records van uw domein. Als het dashboard van uw DNS-provider haar opende, geeft het die toegang zelf door; voer anders uw API-token in.
credential-refused = Uw DNS-provider weigerde de toegang die deze pagina kreeg: die is misschien verlopen. Er is niets gelezen of gewijzigd; de pagina wacht op een nieuwe.
credential-token = API-token
credential-keep = Bewaren voor dit tabblad
continue = Doorgaan
credential-why = Het token blijft in deze pagina (of in dit tabblad, als u dat vraagt): het komt nooit in een adres, een log of een download.

## Who asks for what

lead = { $provider } vraagt { $service } in te stellen op { $domain }
lead-host = { $provider } vraagt { $service } in te stellen op { $domain } bij host { $host }
note-template-names = Sjabloon: { $provider } / { $service } ({ $ids })
note-service-labels = { $labels }: een naam die met een underscore begint, bevat instellingen voor een dienst (mailauthenticatie, certificaten), geen website.
note-groups = Alleen deze delen van het sjabloon worden toegepast (groupId): { $groups }.
key-in-config = De config.json van deze pagina bevat de sleutel van de records-API, dus iedereen die deze pagina kan openen, kan hem lezen. Dat is alleen bedoeld om op deze machine te testen: geef de sleutel in plaats daarvan door vanuit uw dashboard.
already-set-up = { $service } is al ingesteld op { $domain }: er zou niets veranderen.

## The signature and the refusals

sig-valid = Ondertekend door { $provider }: de handtekening is geldig (sleutel { $key }).
sig-invalid = De handtekening is niet geldig: { $reason }.
sig-required = Een handtekening is vereist: { $reason }.
sig-not-used = Dit sjabloon gebruikt geen handtekeningen.
phishing = Controleer dit verzoek: de waarden zijn gekozen door wie de link maakte en worden niet gedekt door een geverifieerde handtekening. Pas het alleen toe als u deze installatie zelf bij { $service } bent begonnen.
cannot-apply = Dit verzoek kan niet worden toegepast:
refusal-signature = de handtekening klopt niet (zie hierboven)
refusal-sync-block = het sjabloon mag niet vanuit een link worden toegepast (syncBlock)
refusal-host-required = het sjabloon moet bij een host worden toegepast en de link noemt er geen (hostRequired)
refusal-key-unavailable = de sleutel bij { $host } kon niet worden gelezen: { $reason }
refusal-template-mismatch = de link noemt sjabloon { $asked }, maar het beoordeelde sjabloon is { $reviewed }
refusal-control-character = parameter { $parameter } bevat het stuurteken { $character } op positie { $position }
refusal-redirect = het terugkeeradres { $uri } mag niet worden gebruikt: { $reason }
refusal-apply = het sjabloon kan niet worden toegepast: { $error }

## How this was checked

how-checked = Hoe dit is gecontroleerd
signed-bytes = Ondertekende bytes:
searching-signed = Zoeken wat er is ondertekend…
search-no-answer = De zoekopdracht gaf geen antwoord.
search-failed = Wat er is ondertekend, kan hier niet worden gezocht: { $error }.
what-verifies = Wat geldig is:
sources = Sjabloon uit { $template }; zone uit { $zone }.
return-none = Geen redirect_uri: het venster sluit wanneer het klaar is.
return-allowed = Keert terug naar { $uri } ({ $because }).
return-refused = Keert niet terug naar { $uri }: { $reason }.
unused-parameters = Parameters die het sjabloon niet gebruikt: { $list }
missing-variables = Variabelen die de link niet geeft: { $list }
ignored = Genegeerd: { $what }

## The records

changes-summary = { $add } toe te voegen, { $remove } te verwijderen, { $present } al aanwezig, { $others } andere records ongewijzigd
changes-caption = Records die dit sjabloon wijzigt
col-change = Wijziging
col-type = Type
col-name = Naam
col-data = Gegevens
col-ttl = TTL
col-why = Reden
col-proxy = Proxy
label-added = toegevoegd
label-removed = verwijderd
label-kept = behouden
data-priority = prioriteit { $priority }
data-weight-port = gewicht { $weight } poort { $port }
why-rewritten = al aanwezig: ongewijzigd opnieuw geschreven
why-spf-merged = SPF-regels samengevoegd in het bestaande SPF-record
why-kept = al aanwezig, zoals het sjabloon vraagt
by-new-record = het nieuwe { $type }-record bij { $name }
why-cname = CNAME-conflict: een CNAME kan niet samen met andere records onder één naam bestaan ({ $by })
why-same-type = vervangen door { $by }
why-srv = vervangen door { $by } (een nieuw SRV-record vervangt alle SRV-records met die naam)
why-txt-all = vervangen door { $by } (txtConflictMatchingMode All)
why-txt-prefix = vervangen door { $by }: de tekst begint met „{ $prefix }” (txtConflictMatchingMode Prefix)
why-spf = SPF-regels samengevoegd in { $by }, dat dit SPF-record vervangt
why-ns-delegation = { $by } delegeert deze naam naar elders
why-ns-above = deze delegatie zou { $by } verbergen
why-redirect = vervangen door de doorverwijzing { $by }
why-previous = eerdere toepassing van { $template } bij host „{ $host }”, vervangen door deze
why-cascade = onderdeel van een eerdere toepassing van { $template } waarvan het essentiële record { $record } wordt verwijderd
show-other = { $count ->
    [one] Het andere record tonen
   *[other] De andere { $count } records tonen
}
unchanged-count = { $count ->
    [one] { $count } ongewijzigd record
   *[other] { $count } ongewijzigde records
}
show-more = Nog { $count } tonen ({ $rest } niet getoond)
proxied = Proxied
dns-only = DNS only
proxy-label = Proxy { $type } { $name }
proxy-mixed = { $name }: records met en zonder proxy zouden deze naam delen, zodat sommige bezoekers de proxy bereiken en andere rechtstreeks de server
proxy-unreachable = { $name }: het record met proxy verwijst naar { $address }, een { $kind }-adres dat de proxy vanaf internet niet kan bereiken

## What a change breaks

stops = Hierdoor werkt { $service } niet meer.
stops-one-of = Hierdoor werkt een van deze diensten niet meer: { $services }.
one-of = een van { $service }
disables = Koppelen schakelt uit:
disables-used-for = De records die het verwijdert, worden gebruikt voor: { $uses }.
concern-mail = e-mail
concern-verification = bewijzen dat het domein van u is
concern-essential = een dienst die ze als essentieel markeert
concern-other = een dienst

## Connect, Cancel and after

connect = Koppelen
cancel = Annuleren
connect-why = Koppelen wordt niet aangeboden: dit verzoek kan niet worden toegepast (zie hierboven).
applying = De wijzigingen worden toegepast…
done-applied = Klaar: de wijzigingen zijn toegepast ({ $at }).
done-already = Klaar: de records van uw domein bevatten deze wijzigingen al ({ $at }).
returning = U gaat terug naar { $to }…
close-window = U kunt dit venster sluiten.
request-sent = Het verzonden verzoek
cancelled-returning = Geannuleerd. U gaat terug naar { $to }…
cancelled-close = Geannuleerd: er is niets gewijzigd. U kunt dit venster sluiten.
return-to-service = Terug naar de dienst
done = Klaar
failed-not-applied = De wijzigingen zijn niet toegepast.
failed-zone-changed = De records van uw domein zijn gewijzigd nadat deze pagina ze las, dus er is niets toegepast. Laad de pagina opnieuw om de wijzigingen te bekijken tegenover de records zoals ze nu zijn.
failed-unknown = Het is niet bekend of de wijzigingen zijn toegepast.
failed-nothing-changed = Er is niets gewijzigd.
failed-check-dashboard = Controleer de records van uw domein in het dashboard van uw DNS-provider voordat u het opnieuw probeert.
zone-gone = weg: { $record }
zone-new = nieuw: { $record }
save-change = Deze wijziging opslaan:
download-json = als JSON
download-bind = als zonebestandtekst
download-request = het verzonden verzoek, met de zone ervoor en erna (zonder sleutel)
undo = Ongedaan maken
undone = Ongedaan gemaakt: uw records zijn weer zoals vóór het koppelen.
note-already-made = Koppelen las de records van uw domein opnieuw en vond deze wijzigingen al doorgevoerd (misschien vanuit een ander tabblad of venster), dus er is niets verzonden.
note-answer-lost = Het antwoord ging verloren ({ $failure }), maar de zone opnieuw lezen toont elke wijziging op haar plaats.
sandbox-provider = sandboxprovider (opslag van deze browser)

## Checking the records over DNS

verify-new = Controleren of de nieuwe records antwoorden
verify-earlier = Controleren of de eerdere records weer antwoorden
verify-progress = records die antwoorden zoals verwacht
verify-seen = antwoordt zoals verwacht
verify-waiting = wachten…
verify-unseen = nog niet zichtbaar
verify-not-checked = niet gecontroleerd: { $why }
verify-checking = { $count } van { $total } antwoorden; opnieuw vragen (ronde { $round } van { $rounds })…
verify-done = { $total ->
    [one] Het record antwoordt zoals verwacht.
   *[other] Alle { $total } records antwoorden zoals verwacht.
}
verify-not-yet = { $count } van { $total } antwoorden tot nu toe zoals verwacht. De rest is nog niet zichtbaar: het kan enkele minuten duren voordat DNS-antwoorden veranderen; u hoeft niets te doen.
verify-unavailable = De records konden niet worden gecontroleerd: { $why }
