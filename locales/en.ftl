# The consent screen's words, in English: the catalogue every other one translates,
# and the fallback of every message. Placeholders ({ $name }) are filled by the page;
# record types, TTL and "Proxied" stay as DNS dashboards write them.
# A message's id never changes once shipped: operators override by id.

## The page

skip = Skip to content
loading-request = Loading the request…
not-found = Not found
not-found-body = No page here: this address is not a Domain Connect apply URL.
home = Home
punycode = punycode
nothing-changed = Nothing has been changed.
diagnostic = Diagnostic for support
config-problem = The configuration cannot be used
config-problem-body = Nothing will be read from or written to a DNS provider until it is fixed.

## When the request cannot be shown

problem-link-invalid = This link is not a valid Domain Connect request
problem-not-supported = This DNS provider does not support { $service } from { $provider } yet
problem-template-unreadable = The service's template cannot be read
problem-zone-unreadable = Your domain's records cannot be read
problem-config-unusable = The DNS provider's configuration cannot be used
advice-start-again = Go back to the service that sent you here and start the setup again. If this happens again, send the diagnostic below to its support.
advice-try-later = Try again in a moment. If it keeps failing, send the diagnostic below to your DNS provider's support.
advice-not-supported = Ask the service for another way to connect your domain, or add the records it needs by hand in your DNS provider's dashboard.

## Signing in to the records API

credential-title = Sign in to your DNS provider
credential-intro = This page needs access to your domain's records. If your DNS provider's dashboard opened it, it hands the access over by itself; otherwise enter your API token.
credential-refused = Your DNS provider refused the access this page was given: it may have expired. Nothing was read or changed; the page waits for a new one.
credential-token = API token
credential-keep = Keep it for this tab
continue = Continue
credential-why = The token stays in this page (or this tab, if you ask): it is never put in an address, a log or a download.

## Who asks for what

# $domain and $host are the domain and host, shown with their punycode.
lead = { $provider } asks to set up { $service } on { $domain }
lead-host = { $provider } asks to set up { $service } on { $domain } at host { $host }
note-template-names = Template: { $provider } / { $service } ({ $ids })
note-service-labels = { $labels }: a name starting with an underscore holds settings for a service (mail authentication, certificates), not a web site.
note-groups = Only these parts of the template are applied (groupId): { $groups }.
key-in-config = This page's config.json holds the records API key, so anyone who can open this page can read it. That is for testing on this machine only: hand the key over from your dashboard instead.
already-set-up = { $service } is already set up on { $domain }: nothing would change.

## The signature and the refusals

sig-valid = Signed by { $provider }: the signature verifies (key { $key }).
# $reason: the technical detail, in English.
sig-invalid = The signature does not verify: { $reason }.
sig-required = A signature is required: { $reason }.
sig-not-used = This template does not use signatures.
phishing = Check this request: its values were chosen by whoever made the link and are not vouched for by a verified signature. Apply it only if you started this setup yourself at { $service }.
cannot-apply = This request cannot be applied:
refusal-signature = its signature does not hold (see above)
refusal-sync-block = the template may not be applied from a link (syncBlock)
refusal-host-required = the template must be applied at a host, and the link gives none (hostRequired)
refusal-key-unavailable = the key at { $host } could not be read: { $reason }
refusal-template-mismatch = the link names template { $asked }, but the template reviewed is { $reviewed }
refusal-control-character = parameter { $parameter } holds the control character { $character } at character { $position }
refusal-redirect = the return address { $uri } may not be used: { $reason }
refusal-apply = the template cannot be applied: { $error }

## How this was checked

how-checked = How this was checked
signed-bytes = Signed bytes:
searching-signed = Searching what was signed…
search-no-answer = The search gave no answer.
search-failed = What was signed cannot be searched here: { $error }.
what-verifies = What verifies:
sources = Template from { $template }; zone from { $zone }.
return-none = No redirect_uri: the window closes when done.
return-allowed = Returns to { $uri } ({ $because }).
return-refused = Will not return to { $uri }: { $reason }.
unused-parameters = Parameters the template does not use: { $list }
missing-variables = Variables the link does not give: { $list }
ignored = Ignored: { $what }

## The records

changes-summary = { $add } to add, { $remove } to remove, { $present } already present, { $others } other records unchanged
changes-caption = Records this template changes
col-change = Change
col-type = Type
col-name = Name
col-data = Data
col-ttl = TTL
col-why = Why
col-proxy = Proxy
label-added = added
label-removed = removed
label-kept = kept
data-priority = priority { $priority }
data-weight-port = weight { $weight } port { $port }
why-rewritten = already present: written again as it is
why-spf-merged = SPF rules merged into the existing SPF record
why-kept = already present, as the template asks
by-new-record = the new { $type } record at { $name }
why-cname = CNAME conflict: a CNAME cannot coexist with other records at a name ({ $by })
why-same-type = replaced by { $by }
why-srv = replaced by { $by } (a new SRV replaces all SRV records of that name)
why-txt-all = replaced by { $by } (txtConflictMatchingMode All)
why-txt-prefix = replaced by { $by }: its text starts with "{ $prefix }" (txtConflictMatchingMode Prefix)
why-spf = SPF rules merged into { $by }, which replaces this SPF record
why-ns-delegation = { $by } delegates this name away
why-ns-above = this delegation would hide { $by }
why-redirect = replaced by the redirect { $by }
why-previous = earlier application of { $template } at host "{ $host }", replaced by this one
why-cascade = part of an earlier application of { $template } whose essential record { $record } is removed
show-other = Show the other { $count } records
unchanged-count = { $count } unchanged records
show-more = Show { $count } more (of { $rest } not shown)
proxied = Proxied
dns-only = DNS only
proxy-label = Proxy { $type } { $name }
proxy-mixed = { $name }: proxied and DNS-only records would share this name, so some visitors reach the proxy and others the server directly
proxy-unreachable = { $name }: the proxied record points at { $address }, a { $kind } address the proxy cannot reach from the Internet

## What a change breaks

stops = This stops { $service }.
stops-one-of = This stops one of: { $services }.
one-of = one of { $service }
disables = Connecting disables:
disables-used-for = The records it removes are used for { $uses }.
concern-mail = mail
concern-verification = proving the domain is yours
concern-essential = a service that marks them essential
concern-other = a service

## Connect, Cancel and after

connect = Connect
cancel = Cancel
connect-why = Connect is not offered: this request cannot be applied (see above).
applying = Applying the changes…
# $at: where the change was sent (the records API's name and address).
done-applied = Done: the changes were applied ({ $at }).
done-already = Done: your domain's records already hold these changes ({ $at }).
returning = Returning you to { $to }…
close-window = You can close this window.
request-sent = The request that was sent
cancelled-returning = Cancelled. Returning you to { $to }…
cancelled-close = Cancelled: nothing was changed. You can close this window.
return-to-service = Return to the service
done = Done
failed-not-applied = The changes were not applied.
failed-zone-changed = Your domain's records changed after this page read them, so nothing was applied. Reload the page to review the changes against the records as they are now.
failed-unknown = It is not known whether the changes were applied.
failed-nothing-changed = Nothing was changed.
failed-check-dashboard = Check your domain's records in your DNS provider's dashboard before trying again.
zone-gone = gone: { $record }
zone-new = new: { $record }
save-change = Save this change:
download-json = as JSON
download-bind = as zone-file text
download-request = the request sent, with the zone before and after (no key)
undo = Undo
undone = Undone: your records are back as they were before Connect.
note-already-made = Connect read your domain's records again and found these changes already made (from another tab or window, perhaps), so nothing was sent.
note-answer-lost = The answer was lost ({ $failure }), but reading the zone again shows every change in place.
sandbox-provider = sandbox provider (this browser's storage)

## Checking the records over DNS

verify-new = Checking that the new records answer
verify-earlier = Checking that the earlier records answer again
verify-progress = records answering as expected
verify-seen = answers as expected
verify-waiting = waiting…
verify-unseen = not visible yet
verify-not-checked = not checked: { $why }
verify-checking = { $count } of { $total } answering; asking again (round { $round } of { $rounds })…
verify-done = All { $total } records answer as expected.
verify-not-yet = { $count } of { $total } answer as expected so far. The rest are not visible yet: DNS answers can take a few minutes to change; nothing needs to be done.
verify-unavailable = The records could not be checked: { $why }
