# Polski. Typy rekordów, TTL i „Proxied” pozostają takie, jak zapisują je panele DNS.

## The page

skip = Przejdź do treści
loading-request = Wczytywanie żądania…
not-found = Nie znaleziono
not-found-body = Tu nie ma strony: ten adres nie jest adresem URL zastosowania Domain Connect.
home = Strona główna
punycode = punycode
nothing-changed = Nic nie zostało zmienione.
diagnostic = Diagnostyka dla pomocy technicznej
config-problem = Nie można użyć konfiguracji
config-problem-body = Dopóki nie zostanie poprawiona, nic nie zostanie odczytane od dostawcy DNS ani u niego zapisane.

## When the request cannot be shown

problem-link-invalid = Ten link nie jest prawidłowym żądaniem Domain Connect
problem-not-supported = Ten dostawca DNS nie obsługuje jeszcze usługi { $service } od { $provider }
problem-template-unreadable = Nie można odczytać szablonu usługi
problem-zone-unreadable = Nie można odczytać rekordów Twojej domeny
problem-config-unusable = Nie można użyć konfiguracji dostawcy DNS
advice-start-again = Wróć do usługi, która Cię tu skierowała, i rozpocznij konfigurację od nowa. Jeśli to się powtórzy, wyślij poniższą diagnostykę do jej pomocy technicznej.
advice-try-later = Spróbuj ponownie za chwilę. Jeśli nadal się nie udaje, wyślij poniższą diagnostykę do pomocy technicznej swojego dostawcy DNS.
advice-not-supported = Poproś usługę o inny sposób połączenia domeny albo dodaj potrzebne rekordy ręcznie w panelu swojego dostawcy DNS.

## Signing in to the records API

credential-title = Zaloguj się do swojego dostawcy DNS
credential-intro = Ta strona potrzebuje dostępu do rekordów Twojej domeny. Jeśli otworzył ją panel Twojego dostawcy DNS, sam przekaże dostęp; w przeciwnym razie wpisz swój token API.
credential-refused = Twój dostawca DNS odrzucił dostęp przekazany tej stronie: mógł wygasnąć. Nic nie zostało odczytane ani zmienione; strona czeka na nowy.
credential-token = Token API
credential-keep = Zachowaj dla tej karty
continue = Dalej
credential-why = Token pozostaje na tej stronie (lub w tej karcie, jeśli o to poprosisz): nigdy nie trafia do adresu, dziennika ani pobieranego pliku.

## Who asks for what

lead = { $provider } prosi o skonfigurowanie usługi { $service } w domenie { $domain }
lead-host = { $provider } prosi o skonfigurowanie usługi { $service } w domenie { $domain } dla hosta { $host }
note-template-names = Szablon: { $provider } / { $service } ({ $ids })
note-service-labels = { $labels }: nazwa zaczynająca się od podkreślenia zawiera ustawienia usługi (uwierzytelnianie poczty, certyfikaty), a nie stronę internetową.
note-groups = Stosowane są tylko te części szablonu (groupId): { $groups }.
key-in-config = Plik config.json tej strony zawiera klucz API rekordów, więc każdy, kto może otworzyć tę stronę, może go odczytać. Służy to tylko do testów na tym komputerze: przekaż klucz ze swojego panelu.
already-set-up = Usługa { $service } jest już skonfigurowana w domenie { $domain }: nic by się nie zmieniło.

## The signature and the refusals

sig-valid = Podpisano przez { $provider }: podpis jest prawidłowy (klucz { $key }).
sig-invalid = Podpis jest nieprawidłowy: { $reason }.
sig-required = Wymagany jest podpis: { $reason }.
sig-not-used = Ten szablon nie używa podpisów.
phishing = Sprawdź to żądanie: jego wartości wybrał autor linku i nie potwierdza ich żaden zweryfikowany podpis. Zastosuj je tylko wtedy, gdy sam rozpocząłeś tę konfigurację w { $service }.
cannot-apply = Tego żądania nie można zastosować:
refusal-signature = jego podpis jest nieważny (patrz wyżej)
refusal-sync-block = szablonu nie wolno stosować z linku (syncBlock)
refusal-host-required = szablon trzeba zastosować dla hosta, a link go nie podaje (hostRequired)
refusal-key-unavailable = nie udało się odczytać klucza z { $host }: { $reason }
refusal-template-mismatch = link wskazuje szablon { $asked }, ale sprawdzono szablon { $reviewed }
refusal-control-character = parametr { $parameter } zawiera znak sterujący { $character } na pozycji { $position }
refusal-redirect = adresu powrotu { $uri } nie można użyć: { $reason }
refusal-apply = szablonu nie można zastosować: { $error }

## How this was checked

how-checked = Jak to sprawdzono
signed-bytes = Podpisane bajty:
searching-signed = Szukanie tego, co zostało podpisane…
search-no-answer = Wyszukiwanie nie dało odpowiedzi.
search-failed = Nie można tu wyszukać, co zostało podpisane: { $error }.
what-verifies = Co jest prawidłowe:
sources = Szablon z { $template }; strefa z { $zone }.
return-none = Brak redirect_uri: okno zamknie się po zakończeniu.
return-allowed = Powrót do { $uri } ({ $because }).
return-refused = Bez powrotu do { $uri }: { $reason }.
unused-parameters = Parametry, których szablon nie używa: { $list }
missing-variables = Zmienne, których link nie podaje: { $list }
ignored = Pominięto: { $what }

## The records

changes-summary = do dodania: { $add }, do usunięcia: { $remove }, już obecne: { $present }, pozostałe rekordy bez zmian: { $others }
changes-caption = Rekordy zmieniane przez ten szablon
col-change = Zmiana
col-type = Typ
col-name = Nazwa
col-data = Dane
col-ttl = TTL
col-why = Powód
col-proxy = Proxy
label-added = dodany
label-removed = usunięty
label-kept = zachowany
data-priority = priorytet { $priority }
data-weight-port = waga { $weight } port { $port }
why-rewritten = już obecny: zapisany ponownie bez zmian
why-spf-merged = reguły SPF scalone z istniejącym rekordem SPF
why-kept = już obecny, tak jak wymaga szablon
by-new-record = nowy rekord { $type } dla { $name }
why-cname = konflikt CNAME: CNAME nie może istnieć obok innych rekordów o tej samej nazwie ({ $by })
why-same-type = zastąpiony przez { $by }
why-srv = zastąpiony przez { $by } (nowy SRV zastępuje wszystkie rekordy SRV o tej nazwie)
why-txt-all = zastąpiony przez { $by } (txtConflictMatchingMode All)
why-txt-prefix = zastąpiony przez { $by }: jego tekst zaczyna się od „{ $prefix }” (txtConflictMatchingMode Prefix)
why-spf = reguły SPF scalone w { $by }, który zastępuje ten rekord SPF
why-ns-delegation = { $by } deleguje tę nazwę gdzie indziej
why-ns-above = ta delegacja ukryłaby { $by }
why-redirect = zastąpiony przez przekierowanie { $by }
why-previous = wcześniejsze zastosowanie { $template } dla hosta „{ $host }”, zastąpione tym
why-cascade = część wcześniejszego zastosowania { $template }, którego niezbędny rekord { $record } jest usuwany
show-other = { $count ->
    [one] Pokaż pozostały rekord
    [few] Pokaż pozostałe { $count } rekordy
   *[other] Pokaż pozostałe { $count } rekordów
}
unchanged-count = { $count ->
    [one] { $count } niezmieniony rekord
    [few] { $count } niezmienione rekordy
   *[other] { $count } niezmienionych rekordów
}
show-more = Pokaż jeszcze { $count } (niepokazane: { $rest })
proxied = Proxied
dns-only = DNS only
proxy-label = Proxy { $type } { $name }
proxy-mixed = { $name }: rekordy z proxy i bez proxy miałyby tę samą nazwę, więc część odwiedzających trafi do proxy, a część bezpośrednio do serwera
proxy-unreachable = { $name }: rekord z proxy wskazuje na { $address }, adres typu { $kind }, którego proxy nie osiągnie z Internetu

## What a change breaks

stops = To wyłączy { $service }.
stops-one-of = To wyłączy jedną z usług: { $services }.
one-of = jedna z { $service }
disables = Połączenie wyłącza:
disables-used-for = Usuwane rekordy służą do: { $uses }.
concern-mail = poczta
concern-verification = potwierdzanie, że domena należy do Ciebie
concern-essential = usługa, która oznacza je jako niezbędne
concern-other = usługa

## Connect, Cancel and after

connect = Połącz
cancel = Anuluj
connect-why = Połączenie nie jest dostępne: tego żądania nie można zastosować (patrz wyżej).
applying = Stosowanie zmian…
done-applied = Gotowe: zmiany zostały zastosowane ({ $at }).
done-already = Gotowe: rekordy Twojej domeny już zawierają te zmiany ({ $at }).
returning = Powrót do { $to }…
close-window = Możesz zamknąć to okno.
request-sent = Wysłane żądanie
cancelled-returning = Anulowano. Powrót do { $to }…
cancelled-close = Anulowano: nic nie zostało zmienione. Możesz zamknąć to okno.
return-to-service = Wróć do usługi
done = Gotowe
failed-not-applied = Zmiany nie zostały zastosowane.
failed-zone-changed = Rekordy Twojej domeny zmieniły się po ich odczytaniu przez tę stronę, więc nic nie zostało zastosowane. Wczytaj stronę ponownie, aby przejrzeć zmiany względem obecnych rekordów.
failed-unknown = Nie wiadomo, czy zmiany zostały zastosowane.
failed-nothing-changed = Nic nie zostało zmienione.
failed-check-dashboard = Zanim spróbujesz ponownie, sprawdź rekordy swojej domeny w panelu dostawcy DNS.
zone-gone = usunięty: { $record }
zone-new = nowy: { $record }
save-change = Zapisz tę zmianę:
download-json = jako JSON
download-bind = jako tekst pliku strefy
download-request = wysłane żądanie ze strefą przed i po zmianie (bez klucza)
undo = Cofnij
undone = Cofnięto: Twoje rekordy są znowu takie jak przed połączeniem.
note-already-made = Połączenie ponownie odczytało rekordy Twojej domeny i zastało te zmiany już wprowadzone (może z innej karty lub okna), więc nic nie zostało wysłane.
note-answer-lost = Odpowiedź zaginęła ({ $failure }), ale ponowny odczyt strefy pokazuje wszystkie zmiany na miejscu.
sandbox-provider = dostawca testowy (pamięć tej przeglądarki)

## Checking the records over DNS

verify-new = Sprawdzanie, czy nowe rekordy odpowiadają
verify-earlier = Sprawdzanie, czy wcześniejsze rekordy znów odpowiadają
verify-progress = rekordy odpowiadające zgodnie z oczekiwaniami
verify-seen = odpowiada zgodnie z oczekiwaniami
verify-waiting = oczekiwanie…
verify-unseen = jeszcze niewidoczny
verify-not-checked = nie sprawdzono: { $why }
verify-checking = odpowiada { $count } z { $total }; ponowne pytanie (runda { $round } z { $rounds })…
verify-done = { $total ->
    [one] Rekord odpowiada zgodnie z oczekiwaniami.
   *[other] Wszystkie rekordy ({ $total }) odpowiadają zgodnie z oczekiwaniami.
}
verify-not-yet = Na razie zgodnie z oczekiwaniami odpowiada { $count } z { $total }. Pozostałe nie są jeszcze widoczne: zmiana odpowiedzi DNS może potrwać kilka minut; nie musisz nic robić.
verify-unavailable = Nie udało się sprawdzić rekordów: { $why }
