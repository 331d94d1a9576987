# Español. Los tipos de registro, TTL y «Proxied» se mantienen como los escriben los paneles DNS.

## The page

skip = Ir al contenido
loading-request = Cargando la solicitud…
not-found = No encontrado
not-found-body = Aquí no hay ninguna página: esta dirección no es una URL de aplicación de Domain Connect.
home = Inicio
punycode = punycode
nothing-changed = No se ha cambiado nada.
diagnostic = Diagnóstico para soporte
config-problem = No se puede usar la configuración
config-problem-body = No se leerá ni escribirá nada en un proveedor DNS hasta que se corrija.

## When the request cannot be shown

problem-link-invalid = Este enlace no es una solicitud válida de Domain Connect
problem-not-supported = Este proveedor DNS aún no admite { $service } de { $provider }
problem-template-unreadable = No se puede leer la plantilla del servicio
problem-zone-unreadable = No se pueden leer los registros de su dominio
problem-config-unusable = No se puede usar la configuración del proveedor DNS
advice-start-again = Vuelva al servicio que le envió aquí e inicie de nuevo la configuración. Si vuelve a ocurrir, envíe el diagnóstico de abajo a su soporte.
advice-try-later = Inténtelo de nuevo en un momento. Si sigue fallando, envíe el diagnóstico de abajo al soporte de su proveedor DNS.
advice-not-supported = Pida al servicio otra forma de conectar su dominio, o añada a mano los registros que necesita en el panel de su proveedor DNS.

## Signing in to the records API

credential-title = Inicie sesión en su proveedor DNS
credential-intro = Esta página necesita acceso a los registros de su dominio. Si la abrió el panel de su proveedor DNS, este le entrega el acceso por sí mismo; si no, introduzca su token de API.
credential-refused = Su proveedor DNS rechazó el acceso que se dio a esta página: puede haber caducado. No se ha leído ni cambiado nada; la página espera uno nuevo.
credential-token = Token de API
credential-keep = Conservarlo para esta pestaña
continue = Continuar
credential-why = El token se queda en esta página (o en esta pestaña, si lo pide): nunca se pone en una dirección, un registro de actividad ni una descarga.

## Who asks for what

lead = { $provider } pide configurar { $service } en { $domain }
lead-host = { $provider } pide configurar { $service } en { $domain } en el host { $host }
note-template-names = Plantilla: { $provider } / { $service } ({ $ids })
note-service-labels = { $labels }: un nombre que empieza por guion bajo contiene ajustes de un servicio (autenticación del correo, certificados), no un sitio web.
note-groups = Solo se aplican estas partes de la plantilla (groupId): { $groups }.
key-in-config = El config.json de esta página contiene la clave de la API de registros, así que cualquiera que pueda abrir esta página puede leerla. Es solo para pruebas en este equipo: entregue la clave desde su panel.
already-set-up = { $service } ya está configurado en { $domain }: no cambiaría nada.

## The signature and the refusals

sig-valid = Firmado por { $provider }: la firma es válida (clave { $key }).
sig-invalid = La firma no es válida: { $reason }.
sig-required = Se requiere una firma: { $reason }.
sig-not-used = Esta plantilla no usa firmas.
phishing = Revise esta solicitud: sus valores los eligió quien creó el enlace y ninguna firma verificada los respalda. Aplíquela solo si usted mismo inició esta configuración en { $service }.
cannot-apply = Esta solicitud no se puede aplicar:
refusal-signature = su firma no es válida (véase arriba)
refusal-sync-block = la plantilla no puede aplicarse desde un enlace (syncBlock)
refusal-host-required = la plantilla debe aplicarse en un host y el enlace no indica ninguno (hostRequired)
refusal-key-unavailable = no se pudo leer la clave en { $host }: { $reason }
refusal-template-mismatch = el enlace indica la plantilla { $asked }, pero la plantilla revisada es { $reviewed }
refusal-control-character = el parámetro { $parameter } contiene el carácter de control { $character } en la posición { $position }
refusal-redirect = no se puede usar la dirección de retorno { $uri }: { $reason }
refusal-apply = la plantilla no se puede aplicar: { $error }

## How this was checked

how-checked = Cómo se comprobó
signed-bytes = Bytes firmados:
searching-signed = Buscando qué se firmó…
search-no-answer = La búsqueda no dio respuesta.
search-failed = Aquí no se puede buscar qué se firmó: { $error }.
what-verifies = Lo que es válido:
sources = Plantilla de { $template }; zona de { $zone }.
return-none = Sin redirect_uri: la ventana se cierra al terminar.
return-allowed = Vuelve a { $uri } ({ $because }).
return-refused = No volverá a { $uri }: { $reason }.
unused-parameters = Parámetros que la plantilla no usa: { $list }
missing-variables = Variables que el enlace no indica: { $list }
ignored = Ignorado: { $what }

## The records

changes-summary = { $add } para añadir, { $remove } para eliminar, { $present } ya presentes, { $others } otros registros sin cambios
changes-caption = Registros que cambia esta plantilla
col-change = Cambio
col-type = Tipo
col-name = Nombre
col-data = Datos
col-ttl = TTL
col-why = Motivo
col-proxy = Proxy
label-added = añadido
label-removed = eliminado
label-kept = conservado
data-priority = prioridad { $priority }
data-weight-port = peso { $weight } puerto { $port }
why-rewritten = ya presente: se vuelve a escribir igual
why-spf-merged = reglas SPF fusionadas en el registro SPF existente
why-kept = ya presente, como pide la plantilla
by-new-record = el nuevo registro { $type } en { $name }
why-cname = conflicto de CNAME: un CNAME no puede convivir con otros registros en un mismo nombre ({ $by })
why-same-type = sustituido por { $by }
why-srv = sustituido por { $by } (un SRV nuevo sustituye todos los registros SRV de ese nombre)
why-txt-all = sustituido por { $by } (txtConflictMatchingMode All)
why-txt-prefix = sustituido por { $by }: su texto empieza por «{ $prefix }» (txtConflictMatchingMode Prefix)
why-spf = reglas SPF fusionadas en { $by }, que sustituye este registro SPF
why-ns-delegation = { $by } delega este nombre a otro lugar
why-ns-above = esta delegación ocultaría { $by }
why-redirect = sustituido por la redirección { $by }
why-previous = aplicación anterior de { $template } en el host «{ $host }», sustituida por esta
why-cascade = parte de una aplicación anterior de { $template } cuyo registro esencial { $record } se elimina
show-other = { $count ->
    [one] Mostrar el otro registro
   *[other] Mostrar los otros { $count } registros
}
unchanged-count = { $count ->
    [one] { $count } registro sin cambios
   *[other] { $count } registros sin cambios
}
show-more = Mostrar { $count } más ({ $rest } sin mostrar)
proxied = Proxied
dns-only = DNS only
proxy-label = Proxy { $type } { $name }
proxy-mixed = { $name }: registros con y sin proxy compartirían este nombre, así que unos visitantes llegarían al proxy y otros directamente al servidor
proxy-unreachable = { $name }: el registro con proxy apunta a { $address }, una dirección de tipo { $kind } a la que el proxy no llega desde Internet

## What a change breaks

stops = Esto interrumpe { $service }.
stops-one-of = Esto interrumpe uno de estos servicios: { $services }.
one-of = uno de { $service }
disables = Conectar desactiva:
disables-used-for = Los registros que elimina se usan para: { $uses }.
concern-mail = el correo
concern-verification = demostrar que el dominio es suyo
concern-essential = un servicio que los marca como esenciales
concern-other = un servicio

## Connect, Cancel and after

connect = Conectar
cancel = Cancelar
connect-why = No se ofrece Conectar: esta solicitud no se puede aplicar (véase arriba).
applying = Aplicando los cambios…
done-applied = Listo: se aplicaron los cambios ({ $at }).
done-already = Listo: los registros de su dominio ya contienen estos cambios ({ $at }).
returning = Volviendo a { $to }…
close-window = Puede cerrar esta ventana.
request-sent = La solicitud enviada
cancelled-returning = Cancelado. Volviendo a { $to }…
cancelled-close = Cancelado: no se ha cambiado nada. Puede cerrar esta ventana.
return-to-service = Volver al servicio
done = Listo
failed-not-applied = Los cambios no se aplicaron.
failed-zone-changed = Los registros de su dominio cambiaron después de que esta página los leyera, así que no se aplicó nada. Recargue la página para revisar los cambios frente a los registros actuales.
failed-unknown = No se sabe si los cambios se aplicaron.
failed-nothing-changed = No se ha cambiado nada.
failed-check-dashboard = Compruebe los registros de su dominio en el panel de su proveedor DNS antes de volver a intentarlo.
zone-gone = desaparecido: { $record }
zone-new = nuevo: { $record }
save-change = Guardar este cambio:
download-json = como JSON
download-bind = como texto de archivo de zona
download-request = la solicitud enviada, con la zona antes y después (sin clave)
undo = Deshacer
undone = Deshecho: sus registros vuelven a estar como antes de Conectar.
note-already-made = Conectar volvió a leer los registros de su dominio y encontró estos cambios ya hechos (quizá desde otra pestaña o ventana), así que no se envió nada.
note-answer-lost = La respuesta se perdió ({ $failure }), pero al volver a leer la zona se ve cada cambio en su sitio.
sandbox-provider = proveedor de prueba (almacenamiento de este navegador)

## Checking the records over DNS

verify-new = Comprobando que los registros nuevos responden
verify-earlier = Comprobando que los registros anteriores vuelven a responder
verify-progress = registros que responden como se espera
verify-seen = responde como se espera
verify-waiting = esperando…
verify-unseen = aún no visible
verify-not-checked = no comprobado: { $why }
verify-checking = { $count } de { $total } responden; preguntando de nuevo (ronda { $round } de { $rounds })…
verify-done = { $total ->
    [one] El registro responde como se espera.
   *[other] Los { $total } registros responden como se espera.
}
verify-not-yet = { $count } de { $total } responden como se espera por ahora. El resto aún no es visible: las respuestas DNS pueden tardar unos minutos en cambiar; no hace falta hacer nada.
verify-unavailable = No se pudieron comprobar los registros: { $why }
