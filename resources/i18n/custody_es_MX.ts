<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>AddPartnerDialog</name>
    <message>
        <source>Add a partner lab&apos;s key</source>
        <translation>Agregar la llave de un laboratorio socio</translation>
    </message>
    <message>
        <source>&amp;Add the key</source>
        <translation>&amp;Agregar la llave</translation>
    </message>
    <message>
        <source>Before adding it, compare this fingerprint with the partner lab through another channel: read it out by phone with someone you know there, or check it against a letter or a manifest they signed. A file can be swapped on its way; the fingerprint confirmed by the lab cannot.</source>
        <translation>Antes de agregarla, compare esta huella con el laboratorio socio por otro medio: díctela por teléfono con alguien que conozca allá, o cotéjela con una carta o un manifiesto que hayan firmado. Un archivo puede ser sustituido en el camino; la huella confirmada por el laboratorio, no.</translation>
    </message>
    <message>
        <source>its site prefix, e.g. US-STRL</source>
        <translation>su prefijo de sitio, p. ej. US-STRL</translation>
    </message>
    <message>
        <source>e.g. DEA Special Testing and Research Lab</source>
        <translation>p. ej. DEA Special Testing and Research Lab</translation>
    </message>
    <message>
        <source>e.g. read out by phone with Dr. Ana Ruiz (+1 703 555 0100), 2026-09-01</source>
        <translation>p. ej. dictada por teléfono con la Dra. Ana Ruiz (+1 703 555 0100), 2026-09-01</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Archivo de la llave:</translation>
    </message>
    <message>
        <source>Lab&apos;s site &amp;prefix:</source>
        <translation>&amp;Prefijo del sitio del laboratorio:</translation>
    </message>
    <message>
        <source>Lab &amp;name:</source>
        <translation>&amp;Nombre del laboratorio:</translation>
    </message>
    <message>
        <source>&amp;How did you confirm this
fingerprint with the lab?</source>
        <translation>¿&amp;Cómo confirmó esta huella
con el laboratorio?</translation>
    </message>
    <message>
        <source>Enter the partner lab&apos;s site prefix.</source>
        <translation>Escriba el prefijo del sitio del laboratorio socio.</translation>
    </message>
    <message>
        <source>Enter the partner lab&apos;s name.</source>
        <translation>Escriba el nombre del laboratorio socio.</translation>
    </message>
    <message>
        <source>Say how the fingerprint was confirmed with the lab (with whom, how, when). Do not add a key nobody confirmed.</source>
        <translation>Indique cómo se confirmó la huella con el laboratorio (con quién, cómo, cuándo). No agregue una llave que nadie haya confirmado.</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <source>Only a supervisor changes this workstation&apos;s settings.</source>
        <translation>Solo un supervisor cambia la configuración de esta estación de trabajo.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Ubicaciones</translation>
    </message>
    <message>
        <source>Consignees</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Impresoras</translation>
    </message>
    <message>
        <source>Lab settings</source>
        <translation>Datos del laboratorio</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Llave de firma</translation>
    </message>
    <message>
        <source>Partner labs</source>
        <translation>Laboratorios socios</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Esta estación</translation>
    </message>
</context>
<context>
    <name>ApproveShipmentDialog</name>
    <message>
        <source>Approve shipment {number}</source>
        <translation>Aprobar el envío {number}</translation>
    </message>
    <message>
        <source>&amp;Sign and approve</source>
        <translation>&amp;Firmar y aprobar</translation>
    </message>
    <message>
        <source>Shipment {number} to {consignee}: {packages} package(s), {samples} sample(s). Approving issues manifest revision {revision}.</source>
        <translation>Envío {number} a {consignee}: {packages} bulto(s), {samples} muestra(s). Al aprobarlo se emite la revisión {revision} del manifiesto.</translation>
    </message>
    <message>
        <source>Meaning of the signature:</source>
        <translation>Significado de la firma:</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Firmado por:</translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation>Su &amp;contraseña:</translation>
    </message>
    <message>
        <source>Re-enter your password to sign (21 CFR 11.200). The signature records your name, the time and its meaning, and is bound to this manifest&apos;s content.</source>
        <translation>Vuelva a escribir su contraseña para firmar (21 CFR 11.200). La firma registra su nombre, la hora y su significado, y queda ligada al contenido de este manifiesto.</translation>
    </message>
    <message>
        <source>Witness (optional)</source>
        <translation>Testigo (opcional)</translation>
    </message>
    <message>
        <source>Witness &amp;user name:</source>
        <translation>&amp;Usuario del testigo:</translation>
    </message>
    <message>
        <source>Witness pass&amp;word:</source>
        <translation>Contraseña del &amp;testigo:</translation>
    </message>
    <message>
        <source>Enter your password to sign.</source>
        <translation>Escriba su contraseña para firmar.</translation>
    </message>
    <message>
        <source>Enter the witness&apos;s user name.</source>
        <translation>Escriba el nombre de usuario del testigo.</translation>
    </message>
    <message>
        <source>The witness must enter their password.</source>
        <translation>El testigo debe escribir su contraseña.</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>V&amp;erify now</source>
        <translation>V&amp;erificar ahora</translation>
    </message>
    <message>
        <source>Check the journal&apos;s hash chain and replay it against every record ({key})</source>
        <translation>Revisa la cadena de hashes de la bitácora y la reproduce contra cada registro ({key})</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualizar</translation>
    </message>
    <message>
        <source>Load the entries written since (F5)</source>
        <translation>Cargar las entradas escritas desde entonces (F5)</translation>
    </message>
    <message>
        <source>Select an entry to read it in full.</source>
        <translation>Seleccione una entrada para leerla completa.</translation>
    </message>
    <message>
        <source>(the stored time cannot be read)</source>
        <translation>(la hora guardada no se puede leer)</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Recorded in</source>
        <translation>Registrada en</translation>
    </message>
    <message>
        <source>time zone {zone}, workstation {ws}</source>
        <translation>zona horaria {zone}, estación {ws}</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>(nobody signed in)</source>
        <translation>(nadie con sesión iniciada)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Prev hash</source>
        <translation>Hash anterior</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Payload (hash = SHA-256(prev hash ‖ payload as stored)):</source>
        <translation>Contenido (hash = SHA-256(hash anterior ‖ contenido tal como se guardó)):</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 entrada</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} entradas</translation>
    </message>
    <message>
        <source>Matching: {shown}</source>
        <translation>Coinciden: {shown}</translation>
    </message>
    <message>
        <source>Matching: {shown} so far (scroll for more)</source>
        <translation>Coinciden: {shown} hasta ahora (desplácese para ver más)</translation>
    </message>
    <message>
        <source>Comparing every record with the journal…</source>
        <translation>Comparando cada registro con la bitácora…</translation>
    </message>
    <message>
        <source>Verify the journal</source>
        <translation>Verificar la bitácora</translation>
    </message>
    <message>
        <source>Checking the hash chain…</source>
        <translation>Revisando la cadena de hashes…</translation>
    </message>
    <message>
        <source>{time} {zone}, by {user} at workstation {ws}</source>
        <translation>{time} {zone}, por {user} en la estación {ws}</translation>
    </message>
</context>
<context>
    <name>BundleImporter</name>
    <message>
        <source>Import a partner lab&apos;s shipment bundle</source>
        <translation>Importar el paquete de exportación de un envío de un laboratorio socio</translation>
    </message>
    <message>
        <source>Custody bundles (*.zip);;All files (*)</source>
        <translation>Paquetes de exportación de Custody (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Im&amp;port bundle…</source>
        <translation>Importar pa&amp;quete de exportación…</translation>
    </message>
    <message>
        <source>Verify a partner lab&apos;s signed bundle and create its shipment here</source>
        <translation>Verificar el paquete de exportación firmado de un laboratorio socio y crear aquí su envío</translation>
    </message>
    <message>
        <source>Only the staff who receive shipments import bundles.</source>
        <translation>Solo el personal que recibe envíos importa paquetes de exportación.</translation>
    </message>
    <message>
        <source>Verifying {file} and importing its shipment…</source>
        <translation>Verificando {file} e importando su envío…</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>Importar paquete de exportación</translation>
    </message>
</context>
<context>
    <name>CaseStep</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Register a ne&amp;w case</source>
        <translation>Registrar un caso &amp;nuevo</translation>
    </message>
    <message>
        <source>Add to an e&amp;xisting case</source>
        <translation>Agregar a un caso e&amp;xistente</translation>
    </message>
    <message>
        <source>case number (NUC)</source>
        <translation>número de caso (NUC)</translation>
    </message>
    <message>
        <source>seizing institution</source>
        <translation>institución que aseguró</translation>
    </message>
    <message>
        <source>RCC reference</source>
        <translation>referencia del RCC</translation>
    </message>
    <message>
        <source>DEA file number</source>
        <translation>número de expediente de la DEA</translation>
    </message>
    <message>
        <source>Case n&amp;umber (NUC):</source>
        <translation>Nú&amp;mero de caso (NUC):</translation>
    </message>
    <message>
        <source>Seizing &amp;institution:</source>
        <translation>&amp;Institución que aseguró:</translation>
    </message>
    <message>
        <source>&amp;Opened on:</source>
        <translation>Abierto e&amp;l:</translation>
    </message>
    <message>
        <source>&amp;RCC reference:</source>
        <translation>Referencia del &amp;RCC:</translation>
    </message>
    <message>
        <source>&amp;DEA file number:</source>
        <translation>Expediente de la &amp;DEA:</translation>
    </message>
    <message>
        <source>&amp;Next ›</source>
        <translation>&amp;Siguiente ›</translation>
    </message>
    <message>
        <source>Register case &amp;&amp; &amp;next ›</source>
        <translation>Registrar caso y &amp;siguiente ›</translation>
    </message>
    <message>
        <source>Use this case &amp;&amp; &amp;next ›</source>
        <translation>Usar este caso y &amp;siguiente ›</translation>
    </message>
    <message>
        <source>Case {number} registered.</source>
        <translation>Caso {number} registrado.</translation>
    </message>
    <message>
        <source>Adding to case {number}.</source>
        <translation>Se agrega al caso {number}.</translation>
    </message>
</context>
<context>
    <name>CheckedField</name>
    <message>
        <source>The {field} must be more than 0 g.</source>
        <extracomment>A check: the problem with the text as typed, or None when it is fine.</extracomment>
        <translation>El campo «{field}» debe ser mayor que 0 g.</translation>
    </message>
    <message>
        <source>The {field} &apos;{value}&apos; is not a whole number.</source>
        <translation>El campo «{field}»: «{value}» no es un número entero.</translation>
    </message>
</context>
<context>
    <name>ConsigneesTab</name>
    <message>
        <source>archived</source>
        <translation>archivado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivado</translation>
    </message>
    <message>
        <source>N&amp;ew</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Agr&amp;egar</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Guardar cambios</translation>
    </message>
    <message>
        <source>Archived (not offered for new shipments)</source>
        <translation>Archivado (no se ofrece para envíos nuevos)</translation>
    </message>
    <message>
        <source>Add &amp;DEA laboratories</source>
        <translation>Agregar laboratorios de la &amp;DEA</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>N&amp;ombre:</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>Di&amp;rección:</translation>
    </message>
    <message>
        <source>Only a supervisor edits the consignees.</source>
        <translation>Solo un supervisor edita los destinatarios.</translation>
    </message>
    <message>
        <source>Consignee {name} added.</source>
        <translation>Destinatario {name} agregado.</translation>
    </message>
    <message>
        <source>Consignee {name} saved.</source>
        <translation>Destinatario {name} guardado.</translation>
    </message>
    <message>
        <source>Added: {names}.</source>
        <translation>Agregados: {names}.</translation>
    </message>
    <message>
        <source>The DEA laboratories are in the list already.</source>
        <translation>Los laboratorios de la DEA ya están en la lista.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Custody — Unexpected error</source>
        <translation>Custody — Error inesperado</translation>
    </message>
    <message>
        <source>Custody hit an unexpected error (a bug). Every recorded action is one transaction: it was either saved completely or not at all; check the sample&apos;s history before repeating it.

Please copy the details below and send them to your administrator.</source>
        <translation>Custody encontró un error inesperado (un defecto del programa). Cada acción registrada es una sola transacción: se guardó completa o no se guardó; revise el historial de la muestra antes de repetirla.

Copie los detalles de abajo y envíelos a su administrador.</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>The clock went back</source>
        <translation>El reloj se atrasó</translation>
    </message>
    <message>
        <source>These journal entries carry an earlier time than the entry before them. The journal&apos;s order (its entry number) is still right; check the workstation&apos;s clock and time zone, and note it in the case file.</source>
        <translation>Estas entradas de la bitácora tienen una hora anterior a la de la entrada previa. El orden de la bitácora (su número de entrada) sigue siendo correcto; revise el reloj y la zona horaria de la estación de trabajo, y anótelo en el expediente del caso.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualizar</translation>
    </message>
    <message>
        <source>Samples registered by month</source>
        <translation>Muestras registradas por mes</translation>
    </message>
    <message>
        <source>Samples by port of seizure</source>
        <translation>Muestras por puerto de aseguramiento</translation>
    </message>
    <message>
        <source>Samples by status</source>
        <translation>Muestras por estado</translation>
    </message>
    <message>
        <source>Pending shipments</source>
        <translation>Envíos pendientes</translation>
    </message>
    <message>
        <source>Loading the figures…</source>
        <translation>Cargando las cifras…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <source>No shipment is waiting to be reconciled.</source>
        <translation>Ningún envío está en espera de conciliación.</translation>
    </message>
    <message>
        <source>Entry {seq} on {workstation}: {behind} behind the entry before it</source>
        <translation>Entrada {seq} en {workstation}: {behind} antes que la entrada previa</translation>
    </message>
</context>
<context>
    <name>DispatchShipmentDialog</name>
    <message>
        <source>Dispatch shipment {number}</source>
        <translation>Despachar el envío {number}</translation>
    </message>
    <message>
        <source>&amp;Sign and dispatch</source>
        <translation>&amp;Firmar y despachar</translation>
    </message>
    <message>
        <source>Hand shipment {number} (revision {revision}, {samples} sample(s)) to {carrier}, waybill {waybill}. Every sample goes in transit.</source>
        <translation>Entregar el envío {number} (revisión {revision}, {samples} muestra(s)) a {carrier}, guía {waybill}. Todas las muestras pasan a estar en tránsito.</translation>
    </message>
    <message>
        <source>e.g. Juan Pérez, DHL, badge 4471</source>
        <translation>p. ej. Juan Pérez, DHL, gafete 4471</translation>
    </message>
    <message>
        <source>Carrier&apos;s &amp;agent:</source>
        <translation>&amp;Agente del transportista:</translation>
    </message>
    <message>
        <source>Meaning of the signature:</source>
        <translation>Significado de la firma:</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Firmado por:</translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation>Su &amp;contraseña:</translation>
    </message>
    <message>
        <source>Enter who from the carrier takes the shipment (name, company, ID).</source>
        <translation>Escriba quién del transportista recibe el envío (nombre, empresa, identificación).</translation>
    </message>
    <message>
        <source>Enter your password to sign.</source>
        <translation>Escriba su contraseña para firmar.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>The lab is set up</source>
        <translation>El laboratorio está configurado</translation>
    </message>
    <message>
        <source>You are signed in as its supervisor.</source>
        <translation>Inició sesión como su supervisor.</translation>
    </message>
</context>
<context>
    <name>ExhibitStep</name>
    <message>
        <source>Exhibit</source>
        <translation>Indicio</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <source>What is seen, without supposition: 220 packages of white powder…</source>
        <translation>Lo que se observa, sin suposiciones: 220 paquetes de polvo blanco…</translation>
    </message>
    <message>
        <source>presumptive substance</source>
        <translation>sustancia presuntiva</translation>
    </message>
    <message>
        <source>fentanyl</source>
        <translation>fentanilo</translation>
    </message>
    <message>
        <source>unit count</source>
        <translation>número de unidades</translation>
    </message>
    <message>
        <source>packaging</source>
        <translation>embalaje</translation>
    </message>
    <message>
        <source>gross weight</source>
        <translation>peso bruto</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Presumptive s&amp;ubstance:</source>
        <translation>S&amp;ustancia presuntiva:</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Forma:</translation>
    </message>
    <message>
        <source>Uni&amp;ts:</source>
        <translation>U&amp;nidades:</translation>
    </message>
    <message>
        <source>&amp;Packaging:</source>
        <translation>&amp;Embalaje:</translation>
    </message>
    <message>
        <source>&amp;Gross weight (g):</source>
        <translation>Peso &amp;bruto (g):</translation>
    </message>
    <message>
        <source>&amp;Next ›</source>
        <translation>&amp;Siguiente ›</translation>
    </message>
    <message>
        <source>Register exhibit &amp;&amp; &amp;next ›</source>
        <translation>Registrar indicio y &amp;siguiente ›</translation>
    </message>
    <message>
        <source>Exhibit registered.</source>
        <translation>Indicio registrado.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Custody — Set up your lab</source>
        <translation>Custody — Configure su laboratorio</translation>
    </message>
    <message>
        <source>The lab was not set up: {reason}</source>
        <translation>El laboratorio no se configuró: {reason}</translation>
    </message>
    <message>
        <source>The lab is set up, but signing {user} in failed: {reason}
Press “Set up the lab” to try again.</source>
        <translation>El laboratorio está configurado, pero no se pudo iniciar la sesión de {user}: {reason}
Presione «Configurar el laboratorio» para intentarlo de nuevo.</translation>
    </message>
    <message>
        <source>The lab and its supervisor are set up, but the label key could not be created: {reason}

Fix this (the folder {folder} must exist and be writable, with free space), then press “Set up the lab” again: only the key is created then. Without the key, labels cannot be printed or checked.</source>
        <translation>El laboratorio y su supervisor están configurados, pero no se pudo crear la clave de etiquetas: {reason}

Corríjalo (la carpeta {folder} debe existir, admitir escritura y tener espacio libre) y presione de nuevo «Configurar el laboratorio»: entonces solo se crea la clave. Sin la clave no se pueden imprimir ni verificar etiquetas.</translation>
    </message>
    <message>
        <source>The lab and its label key are set up, but this workstation&apos;s printer choice could not be saved: {reason}
Fix this and press “Set up the lab” again, or Cancel to continue without it.</source>
        <translation>El laboratorio y su clave de etiquetas están configurados, pero no se pudo guardar la impresora elegida para esta estación: {reason}
Corríjalo y presione de nuevo «Configurar el laboratorio», o Cancelar para continuar sin ella.</translation>
    </message>
    <message>
        <source>Lab: {lab}
Site prefix: {prefix} (sample IDs: {prefix}-YYYY-NNNNNN)
Time zone: {zone}
Supervisor: {name} ({user})

Label key: {key}
Fingerprint: {fingerprint}

Back the label key file up together with the database now: without it, printed labels cannot be checked. The fingerprint, also kept in the journal, tells the right key file from another.</source>
        <translation>Laboratorio: {lab}
Prefijo del sitio: {prefix} (ID de muestra: {prefix}-AAAA-NNNNNN)
Zona horaria: {zone}
Supervisor: {name} ({user})

Clave de etiquetas: {key}
Huella: {fingerprint}

Respalde ahora el archivo de la clave de etiquetas junto con la base de datos: sin él, las etiquetas impresas no se pueden verificar. La huella, que también queda en la bitácora, distingue el archivo de clave correcto de cualquier otro.</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over {code}</source>
        <translation>Entregar {code}</translation>
    </message>
    <message>
        <source>{code}
from {giver} (signed in) to the person below.</source>
        <translation>{code}
de {giver} (con sesión iniciada) a la persona indicada abajo.</translation>
    </message>
    <message>
        <source>Receiver (takes custody; signs with their password)</source>
        <translation>Quien recibe (asume la custodia; firma con su contraseña)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Witness (optional: a third person)</source>
        <translation>Testigo (opcional: una tercera persona)</translation>
    </message>
    <message>
        <source>U&amp;ser name:</source>
        <translation>Usua&amp;rio:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>e.g. analysis, sub-sampling, to the vault</source>
        <translation>p. ej. análisis, submuestreo, a la bóveda</translation>
    </message>
    <message>
        <source>Pu&amp;rpose:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>&amp;Entregar</translation>
    </message>
    <message>
        <source>Enter the receiver&apos;s user name.</source>
        <translation>Escriba el nombre de usuario de quien recibe.</translation>
    </message>
    <message>
        <source>The receiver must enter their password.</source>
        <translation>Quien recibe debe escribir su contraseña.</translation>
    </message>
    <message>
        <source>Enter the witness&apos;s user name.</source>
        <translation>Escriba el nombre de usuario del testigo.</translation>
    </message>
    <message>
        <source>The witness must enter their password.</source>
        <translation>El testigo debe escribir su contraseña.</translation>
    </message>
    <message>
        <source>Say why the sample is handed over.</source>
        <translation>Indique por qué se entrega la muestra.</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>No one is signed in here; sign out.</source>
        <translation>Nadie tiene sesión iniciada aquí; cierre la sesión.</translation>
    </message>
    <message>
        <source>That was the {count}th wrong password: the account &apos;{user}&apos; is now locked for {minutes} min. Wait, ask a supervisor, or sign out.</source>
        <translation>Esa fue la contraseña incorrecta número {count}: la cuenta «{user}» queda bloqueada durante {minutes} min. Espere, pida ayuda a un supervisor o cierre la sesión.</translation>
    </message>
</context>
<context>
    <name>ImportResultCard</name>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Bundle imported: shipment {number} from {lab} ({origin})</source>
        <translation>Paquete de exportación importado: envío {number} de {lab} ({origin})</translation>
    </message>
    <message>
        <source>{samples} in {packages}, verified against the key {fingerprint} registered for {origin} ({entries} journal entries checked; the lab&apos;s signed checkpoint at {size} entries is kept). Next: scan the QR code on the manifest to start the receipt, then every package and sample.
Bundle SHA-256: {sha256}</source>
        <translation>{samples} en {packages}. Se verificó con la llave {fingerprint} registrada para {origin} ({entries} entradas de la bitácora revisadas; se conserva el punto de control de {size} entradas firmado por el laboratorio). Siguiente paso: escanee el código QR del manifiesto para iniciar la recepción y luego cada bulto y cada muestra.
SHA-256 del paquete de exportación: {sha256}</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n muestra</numerusform>
            <numerusform>%n muestras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n package(s)</source>
        <translation>
            <numerusform>%n bulto</numerusform>
            <numerusform>%n bultos</numerusform>
        </translation>
    </message>
    <message>
        <source>Bundle REFUSED — nothing was imported</source>
        <translation>Paquete de exportación RECHAZADO — no se importó nada</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
</context>
<context>
    <name>IntakeStep</name>
    <message>
        <source>&amp;Next ›</source>
        <translation>&amp;Siguiente ›</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>‹ Bac&amp;k</source>
        <translation>‹ A&amp;trás</translation>
    </message>
    <message>
        <source>Step {n} of {total}: {title}</source>
        <translation>Paso {n} de {total}: {title}</translation>
    </message>
</context>
<context>
    <name>JournalFilterBar</name>
    <message>
        <source>any kind (a prefix: shipment.)</source>
        <translation>todos (prefijo: shipment.)</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>contains, e.g. 2026-000004</source>
        <translation>contiene, p. ej. 2026-000004</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>&amp;Limpiar filtros</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>A&amp;ctor:</source>
        <translation>A&amp;ctor:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>&amp;Objeto:</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>&amp;Fechas:</translation>
    </message>
    <message>
        <source>Se&amp;q:</source>
        <translation>&amp;Sec.:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>A day in the lab&apos;s time zone ({zone})</source>
        <translation>Un día en la zona horaria del laboratorio ({zone})</translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <source>Seq</source>
        <translation>Sec.</translation>
    </message>
    <message>
        <source>Time ({zone})</source>
        <translation>Hora ({zone})</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(ilegible)</translation>
    </message>
    <message>
        <source>Recorded in time zone {zone}</source>
        <translation>Registrada en la zona horaria {zone}</translation>
    </message>
    <message>
        <source>Nobody was signed in (e.g. a failed sign-in or the lab&apos;s set-up)</source>
        <translation>Nadie tenía sesión iniciada (p. ej. un inicio de sesión fallido o la configuración del laboratorio)</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>The label key</source>
        <translation>La clave de etiquetas</translation>
    </message>
    <message>
        <source>Every QR label carries a signature made with this lab&apos;s secret label key, so a forged label, or one from another lab, is recognised even offline.</source>
        <translation>Cada etiqueta QR lleva una firma hecha con la clave secreta de etiquetas de este laboratorio, así que una etiqueta falsificada, o de otro laboratorio, se reconoce incluso sin conexión.</translation>
    </message>
    <message>
        <source>The key is created when you finish, in a file only your user account can read (it is never stored in the database):</source>
        <translation>La clave se crea al terminar, en un archivo que solo su cuenta de usuario puede leer (nunca se guarda en la base de datos):</translation>
    </message>
    <message>
        <source>(no place for it)</source>
        <translation>(no hay dónde guardarla)</translation>
    </message>
    <message>
        <source>Back this file up together with the database. Without it, printed labels can no longer be checked, and it can never be made again.</source>
        <translation>Respalde este archivo junto con la base de datos. Sin él, las etiquetas impresas ya no se pueden verificar, y nunca se puede volver a generar.</translation>
    </message>
    <message>
        <source>I will &amp;back the label key up with the database</source>
        <translation>&amp;Respaldaré la clave de etiquetas con la base de datos</translation>
    </message>
    <message>
        <source>This database is not a file on this computer, so the key cannot be kept beside it. Set {env} to the key file shared by this lab&apos;s workstations, then start Custody again.</source>
        <translation>Esta base de datos no es un archivo en esta computadora, así que la clave no puede guardarse junto a ella. Defina {env} con el archivo de clave que comparten las estaciones de este laboratorio y vuelva a iniciar Custody.</translation>
    </message>
    <message>
        <source>A label key exists already at {path}; it belongs to another lab database. Move it away, or set {env} to a new file, then start Custody again.</source>
        <translation>Ya existe una clave de etiquetas en {path}; pertenece a la base de datos de otro laboratorio. Muévala a otro lugar, o defina {env} con un archivo nuevo, y vuelva a iniciar Custody.</translation>
    </message>
    <message>
        <source>The folder for the label key does not exist: {folder}</source>
        <translation>La carpeta para la clave de etiquetas no existe: {folder}</translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <source>Only a supervisor manages the signing key.</source>
        <translation>Solo un supervisor administra la llave de firma.</translation>
    </message>
    <message>
        <source>This lab&apos;s signing key</source>
        <translation>Llave de firma de este laboratorio</translation>
    </message>
    <message>
        <source>Partner labs accept this lab&apos;s bundles only once they hold this key. Read the fingerprint out to them by phone, four characters at a time, or let them scan the code, and send them the exported public key.</source>
        <translation>Los laboratorios socios aceptan los paquetes de exportación de este laboratorio solo cuando ya tienen esta llave. Díctales la huella por teléfono, de cuatro en cuatro caracteres, o deje que escaneen el código, y envíeles la llave pública exportada.</translation>
    </message>
    <message>
        <source>In use since:</source>
        <translation>En uso desde:</translation>
    </message>
    <message>
        <source>Private key file:</source>
        <translation>Archivo de la llave privada:</translation>
    </message>
    <message>
        <source>&amp;Export public key…</source>
        <translation>E&amp;xportar llave pública…</translation>
    </message>
    <message>
        <source>Save the public key as a PEM file for partner labs</source>
        <translation>Guardar la llave pública como archivo PEM para los laboratorios socios</translation>
    </message>
    <message>
        <source>R&amp;otate key…</source>
        <translation>R&amp;otar llave…</translation>
    </message>
    <message>
        <source>Replace the key (the old one signs the new one)</source>
        <translation>Reemplazar la llave (la anterior firma la nueva)</translation>
    </message>
    <message>
        <source>Newest signed checkpoint</source>
        <translation>Punto de control firmado más reciente</translation>
    </message>
    <message>
        <source>&amp;Copy checkpoint code</source>
        <translation>Co&amp;piar código del punto de control</translation>
    </message>
    <message>
        <source>One line to hand to someone who holds it (e-mail, a letter, a notebook)</source>
        <translation>Una línea para entregar a alguien que la conserve (correo electrónico, una carta, una libreta)</translation>
    </message>
    <message>
        <source>Sign a checkpoint &amp;now</source>
        <translation>&amp;Firmar un punto de control ahora</translation>
    </message>
    <message>
        <source> entries</source>
        <translation> entradas</translation>
    </message>
    <message>
        <source>&amp;Save interval</source>
        <translation>&amp;Guardar intervalo</translation>
    </message>
    <message>
        <source>Sign a checkpoint every:</source>
        <translation>Firmar un punto de control cada:</translation>
    </message>
    <message>
        <source>Previous keys (retired)</source>
        <translation>Llaves anteriores (retiradas)</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <source>In use since</source>
        <translation>En uso desde</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>No signing key yet</source>
        <translation>Aún no hay llave de firma</translation>
    </message>
    <message>
        <source>Not set: point {variable} at the lab&apos;s key file.</source>
        <translation>Sin definir: asigne a {variable} el archivo de la llave del laboratorio.</translation>
    </message>
    <message>
        <source>{path} (missing on this workstation)</source>
        <translation>{path} (falta en esta estación)</translation>
    </message>
    <message>
        <source>No checkpoint signed yet.</source>
        <translation>Aún no se ha firmado ningún punto de control.</translation>
    </message>
    <message>
        <source>{size} entries — head {head}… — signed {when} by key {key}</source>
        <translation>{size} entradas — hash final {head}… — firmado el {when} con la llave {key}</translation>
    </message>
    <message>
        <source>Export the lab&apos;s public key</source>
        <translation>Exportar la llave pública del laboratorio</translation>
    </message>
    <message>
        <source>PEM public keys (*.pem)</source>
        <translation>Llaves públicas PEM (*.pem)</translation>
    </message>
    <message>
        <source>The public key could not be saved: {error}</source>
        <translation>No se pudo guardar la llave pública: {error}</translation>
    </message>
    <message>
        <source>Public key {fingerprint} saved to {path}.</source>
        <translation>Llave pública {fingerprint} guardada en {path}.</translation>
    </message>
    <message>
        <source>The lab has no signing key to rotate.</source>
        <translation>El laboratorio no tiene una llave de firma que rotar.</translation>
    </message>
    <message>
        <source>The signing key is now {fingerprint}. Tell partner labs the new fingerprint and send them the exported public key.</source>
        <translation>La llave de firma ahora es {fingerprint}. Comunique la nueva huella a los laboratorios socios y envíeles la llave pública exportada.</translation>
    </message>
    <message>
        <source>The code of the checkpoint at {size} entries is on the clipboard.</source>
        <translation>El código del punto de control de {size} entradas está en el portapapeles.</translation>
    </message>
    <message>
        <source>Checkpoint signed at {size} entries.</source>
        <translation>Punto de control firmado en {size} entradas.</translation>
    </message>
    <message>
        <source>A checkpoint is now signed every {n} entries.</source>
        <translation>Ahora se firma un punto de control cada {n} entradas.</translation>
    </message>
</context>
<context>
    <name>LabPage</name>
    <message>
        <source>Your lab</source>
        <translation>Su laboratorio</translation>
    </message>
    <message>
        <source>The lab&apos;s name and its site prefix, which starts every sample ID.</source>
        <translation>El nombre del laboratorio y su prefijo de sitio, con el que empieza cada ID de muestra.</translation>
    </message>
    <message>
        <source>New database: {where}</source>
        <translation>Base de datos nueva: {where}</translation>
    </message>
    <message>
        <source>Lab &amp;name:</source>
        <translation>&amp;Nombre del laboratorio:</translation>
    </message>
    <message>
        <source>&amp;Site prefix:</source>
        <translation>&amp;Prefijo del sitio:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>Only trying Custody out? Cancel, then start it with: custody --demo</source>
        <translation>¿Solo quiere probar Custody? Cancele y luego inícielo con: custody --demo</translation>
    </message>
    <message>
        <source>Sample IDs will look like {example}</source>
        <translation>Los ID de muestra se verán así: {example}</translation>
    </message>
</context>
<context>
    <name>LabTab</name>
    <message>
        <source>Every sample ID and label carries the site prefix; it cannot change.</source>
        <translation>Cada ID de muestra y cada etiqueta llevan el prefijo del sitio; no puede cambiar.</translation>
    </message>
    <message>
        <source>Printed as the shipper on manifests</source>
        <translation>Se imprime como remitente en los manifiestos</translation>
    </message>
    <message>
        <source>Why is this changed? (journaled)</source>
        <translation>¿Por qué se cambia? (queda en la bitácora)</translation>
    </message>
    <message>
        <source>&amp;Save lab settings</source>
        <translation>Guardar dato&amp;s del laboratorio</translation>
    </message>
    <message>
        <source>Lab &amp;name:</source>
        <translation>&amp;Nombre del laboratorio:</translation>
    </message>
    <message>
        <source>Site prefix:</source>
        <translation>Prefijo del sitio:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>Re-weighing tolerance (&amp;%):</source>
        <translation>Tolerancia al volver a pesar (&amp;%):</translation>
    </message>
    <message>
        <source>Re-weighing tolerance (&amp;g):</source>
        <translation>Tolerancia al volver a pesar (&amp;g):</translation>
    </message>
    <message>
        <source>&amp;Reason for the change:</source>
        <translation>&amp;Motivo del cambio:</translation>
    </message>
    <message>
        <source>A re-weighing differing from the last weight by more than both tolerances is flagged. Manifests and reports use these settings at once; this window shows the new name and time zone from the next start.</source>
        <translation>Se señala un nuevo pesaje que difiera del último peso en más de ambas tolerancias. Los manifiestos e informes usan estos datos de inmediato; esta ventana muestra el nombre y la zona horaria nuevos a partir del siguiente inicio.</translation>
    </message>
    <message>
        <source>Lab settings saved and journaled.</source>
        <translation>Datos del laboratorio guardados y registrados en la bitácora.</translation>
    </message>
</context>
<context>
    <name>LabelsStep</name>
    <message>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>&amp;Print labels now…</source>
        <translation>&amp;Imprimir etiquetas ahora…</translation>
    </message>
    <message>
        <source>Another &amp;exhibit of this seizure</source>
        <translation>Otro in&amp;dicio de este aseguramiento</translation>
    </message>
    <message>
        <source>New &amp;intake</source>
        <translation>&amp;Nuevo ingreso</translation>
    </message>
    <message>
        <source>The samples registered in this intake (untick to leave one out):</source>
        <translation>Las muestras registradas en este ingreso (desmarque para omitir una):</translation>
    </message>
    <message>
        <source>Not sealed yet: {codes}. Their labels will show no seal number.</source>
        <translation>Aún sin sellar: {codes}. Sus etiquetas no mostrarán número de sello.</translation>
    </message>
</context>
<context>
    <name>LocationsTab</name>
    <message>
        <source>Code</source>
        <extracomment>Opens the print dialog for location codes (tests inject one with a file chooser).</extracomment>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Dentro de</translation>
    </message>
    <message>
        <source>e.g. VAULT-A-S3</source>
        <translation>p. ej. VAULT-A-S3</translation>
    </message>
    <message>
        <source>&amp;Add location</source>
        <translation>A&amp;gregar ubicación</translation>
    </message>
    <message>
        <source>&amp;Print labels for the selected…</source>
        <translation>&amp;Imprimir etiquetas de las seleccionadas…</translation>
    </message>
    <message>
        <source>New location</source>
        <translation>Nueva ubicación</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Código:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>N&amp;ombre:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Inside:</source>
        <translation>&amp;Dentro de:</translation>
    </message>
    <message>
        <source>Your role may not add storage locations.</source>
        <translation>Su rol no permite agregar ubicaciones de almacenamiento.</translation>
    </message>
    <message>
        <source>Your role may not print labels.</source>
        <translation>Su rol no permite imprimir etiquetas.</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(nivel superior)</translation>
    </message>
    <message>
        <source>Location {code} added.</source>
        <translation>Ubicación {code} agregada.</translation>
    </message>
    <message>
        <source>Select the locations to print labels for.</source>
        <translation>Seleccione las ubicaciones para las que imprimirá etiquetas.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Custody — {lab}</source>
        <translation>Custody — {lab}</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>&amp;Muestras</translation>
    </message>
    <message>
        <source>S&amp;can station</source>
        <translation>&amp;Estación de escaneo</translation>
    </message>
    <message>
        <source>Sample &amp;detail</source>
        <translation>&amp;Detalle de muestra</translation>
    </message>
    <message>
        <source>&amp;Intake</source>
        <translation>&amp;Ingreso</translation>
    </message>
    <message>
        <source>S&amp;hipments</source>
        <translation>E&amp;nvíos</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation>A&amp;uditoría</translation>
    </message>
    <message>
        <source>Dash&amp;board</source>
        <translation>&amp;Tablero</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <source>Ad&amp;min</source>
        <translation>Administra&amp;ción</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Print labels for the selected samples…</source>
        <translation>&amp;Imprimir etiquetas de las muestras seleccionadas…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Scanner self-test…</source>
        <translation>Autoprueba del &amp;escáner…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Custody</source>
        <translation>&amp;Acerca de Custody</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>Sesión iniciada: {name} ({role})</translation>
    </message>
    <message>
        <source>About Custody</source>
        <translation>Acerca de Custody</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Custody {version}&lt;/h3&gt;&lt;p&gt;Chain of custody for seized drug samples.&lt;/p&gt;&lt;p&gt;Lab: {lab} ({prefix})&lt;br&gt;Time zone: {zone}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Custody {version}&lt;/h3&gt;&lt;p&gt;Cadena de custodia de muestras de drogas aseguradas.&lt;/p&gt;&lt;p&gt;Laboratorio: {lab} ({prefix})&lt;br&gt;Zona horaria: {zone}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ManifestPreviewDialog</name>
    <message>
        <source>Manifest {number}, revision {revision}</source>
        <translation>Manifiesto {number}, revisión {revision}</translation>
    </message>
    <message>
        <source>Save the manifest as PDF</source>
        <translation>Guardar el manifiesto como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>{number} · revision {revision} · %n page(s) · SHA-256 {sha}</source>
        <translation>
            <numerusform>{number} · revisión {revision} · %n página · SHA-256 {sha}</numerusform>
            <numerusform>{number} · revisión {revision} · %n páginas · SHA-256 {sha}</numerusform>
        </translation>
    </message>
    <message>
        <source>This revision is SUPERSEDED by revision {n}; the copy is marked so.</source>
        <translation>Esta revisión fue SUSTITUIDA por la revisión {n}; la copia lo indica.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The manifest could not be saved: {error}</source>
        <translation>No se pudo guardar el manifiesto: {error}</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>Scan the location&apos;s label first: samples go into the last location scanned.</source>
        <translation>Escanee primero la etiqueta de la ubicación: las muestras se guardan en la última ubicación escaneada.</translation>
    </message>
    <message>
        <source>Choose the shipment and package first, or scan the package&apos;s label.</source>
        <translation>Elija primero el envío y el bulto, o escanee la etiqueta del bulto.</translation>
    </message>
    <message>
        <source>To receive a shipment, scan the QR code on the first page of its manifest first; then scan every package and sample.</source>
        <translation>Para recibir un envío, escanee primero el código QR de la primera página de su manifiesto; luego escanee cada bulto y cada muestra.</translation>
    </message>
    <message>
        <source>Choose the received shipment first.</source>
        <translation>Elija primero el envío recibido.</translation>
    </message>
    <message>
        <source>This label belongs to another shipment; scan a label of this shipment.</source>
        <translation>Esta etiqueta pertenece a otro envío; escanee una etiqueta de este envío.</translation>
    </message>
    <message>
        <source>This is the manifest&apos;s code: scan a sample label to pack it, or a package label to choose the package.</source>
        <translation>Este es el código del manifiesto: escanee la etiqueta de una muestra para embalarla, o la de un bulto para elegir el bulto.</translation>
    </message>
    <message>
        <source>Scan a sample label to pack it.</source>
        <translation>Escanee la etiqueta de una muestra para embalarla.</translation>
    </message>
</context>
<context>
    <name>PartnersTab</name>
    <message>
        <source>Site prefix</source>
        <translation>Prefijo del sitio</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Laboratorio</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Agregada</translation>
    </message>
    <message>
        <source>How it was confirmed</source>
        <translation>Cómo se confirmó</translation>
    </message>
    <message>
        <source>&amp;Add partner key…</source>
        <translation>A&amp;gregar llave de laboratorio socio…</translation>
    </message>
    <message>
        <source>Register the public key (PEM file) of another lab</source>
        <translation>Registrar la llave pública (archivo PEM) de otro laboratorio</translation>
    </message>
    <message>
        <source>Bundles from another lab are imported only when they are signed by a key listed here for that lab.</source>
        <translation>Los paquetes de exportación de otro laboratorio solo se importan si están firmados con una llave registrada aquí para ese laboratorio.</translation>
    </message>
    <message>
        <source>Only a supervisor adds partner keys.</source>
        <translation>Solo un supervisor agrega llaves de laboratorios socios.</translation>
    </message>
    <message>
        <source>The partner lab&apos;s public key</source>
        <translation>La llave pública del laboratorio socio</translation>
    </message>
    <message>
        <source>PEM public keys (*.pem);;All files (*)</source>
        <translation>Llaves públicas PEM (*.pem);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{path} cannot be read: {error}</source>
        <translation>No se puede leer {path}: {error}</translation>
    </message>
    <message>
        <source>{path} is not a usable public key: {reason}</source>
        <translation>{path} no es una llave pública utilizable: {reason}</translation>
    </message>
    <message>
        <source>The key {fingerprint} of {lab} ({origin}) was added.</source>
        <translation>Se agregó la llave {fingerprint} de {lab} ({origin}).</translation>
    </message>
</context>
<context>
    <name>PdfOutputBar</name>
    <message>
        <source>No printer installed</source>
        <translation>No hay impresoras instaladas</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimir</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>P&amp;rinter:</source>
        <translation>Imp&amp;resora:</translation>
    </message>
    <message>
        <source>No file chosen; nothing was saved.</source>
        <translation>No se eligió un archivo; no se guardó nada.</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Guardado en {path}.</translation>
    </message>
    <message>
        <source>Choose a printer.</source>
        <translation>Elija una impresora.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to {printer}.</source>
        <translation>
            <numerusform>%n página enviada a {printer}.</numerusform>
            <numerusform>%n páginas enviadas a {printer}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPagesWidget</name>
    <message>
        <source>◀ Previo&amp;us</source>
        <translation>◀ An&amp;terior</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Siguiente ▶</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>P&amp;age:</source>
        <translation>&amp;Página:</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <source>The PDF has no pages.</source>
        <translation>El PDF no tiene páginas.</translation>
    </message>
    <message>
        <source>of {n}</source>
        <translation>de {n}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>
(the image cannot be shown)</source>
        <translation>
(la imagen no se puede mostrar)</translation>
    </message>
    <message>
        <source>{name} ({kind}, {size})
SHA-256 {sha}</source>
        <translation>{name} ({kind}, {size})
SHA-256 {sha}</translation>
    </message>
</context>
<context>
    <name>PrintLabelsDialog</name>
    <message>
        <source>Save labels as PDF</source>
        <extracomment>The printer-combo entry that saves a PDF file instead of printing. What the dialog prints labels for: the records&apos; IDs -&gt; one label target each.</extracomment>
        <translation>Guardar etiquetas como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print labels</source>
        <translation>Imprimir etiquetas</translation>
    </message>
    <message>
        <source>Save as a PDF file…</source>
        <translation>Guardar como archivo PDF…</translation>
    </message>
    <message>
        <source>Reprint (voids the earlier label)</source>
        <translation>Reimpresión (anula la etiqueta anterior)</translation>
    </message>
    <message>
        <source>Why is the label printed again?</source>
        <translation>¿Por qué se imprime de nuevo la etiqueta?</translation>
    </message>
    <message>
        <source>Locations:</source>
        <translation>Ubicaciones:</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>Muestras:</translation>
    </message>
    <message>
        <source>&amp;Label stock:</source>
        <translation>&amp;Formato de etiqueta:</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>Im&amp;presora:</translation>
    </message>
    <message>
        <source>&amp;Start at label:</source>
        <translation>&amp;Empezar en la etiqueta:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimir</translation>
    </message>
    <message>
        <source>Calibration for this printer and label stock</source>
        <translation>Calibración para esta impresora y formato de etiqueta</translation>
    </message>
    <message>
        <source>Save offsets</source>
        <translation>Guardar desplazamientos</translation>
    </message>
    <message>
        <source>Print calibration page</source>
        <translation>Imprimir página de calibración</translation>
    </message>
    <message>
        <source>Right:</source>
        <translation>Derecha:</translation>
    </message>
    <message>
        <source>Up:</source>
        <translation>Arriba:</translation>
    </message>
    <message>
        <source>Print the calibration page, hold it against a sheet of labels, and enter how far the printed outlines must move to match the labels.</source>
        <translation>Imprima la página de calibración, sobrepóngala a una hoja de etiquetas y escriba cuánto deben moverse los contornos impresos para coincidir con las etiquetas.</translation>
    </message>
    <message>
        <source>Saved: {printer}, {template}: {dx} mm right, {dy} mm up.</source>
        <translation>Guardado: {printer}, {template}: {dx} mm a la derecha, {dy} mm hacia arriba.</translation>
    </message>
    <message>
        <source>No file chosen; nothing was saved.</source>
        <translation>No se eligió un archivo; no se guardó nada.</translation>
    </message>
    <message>
        <source>Calibration page sent to {where}.</source>
        <translation>Página de calibración enviada a {where}.</translation>
    </message>
    <message>
        <source>This workstation has no label key; ask IT to install it.</source>
        <translation>Esta estación no tiene la clave de etiquetas; pida a TI que la instale.</translation>
    </message>
    <message>
        <source>A reprint needs a reason.</source>
        <translation>Una reimpresión necesita un motivo.</translation>
    </message>
    <message>
        <source>Printing labels</source>
        <translation>Impresión de etiquetas</translation>
    </message>
    <message>
        <source>Recording the labels in the journal…</source>
        <translation>Registrando las etiquetas en la bitácora…</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent to {where} (serials {first}–{last}).</source>
        <translation>
            <numerusform>%n etiqueta enviada a {where} (folios {first}–{last}).</numerusform>
            <numerusform>%n etiquetas enviadas a {where} (folios {first}–{last}).</numerusform>
        </translation>
    </message>
    <message>
        <source>the labels were not printed</source>
        <translation>las etiquetas no se imprimieron</translation>
    </message>
</context>
<context>
    <name>PrintTable</name>
    <message>
        <source>Serial</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impresa</translation>
    </message>
    <message>
        <source>Label stock</source>
        <translation>Formato de etiqueta</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>Impresa por</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reprint of</source>
        <translation>Reimpresión de</translation>
    </message>
    <message>
        <source>voided {when}</source>
        <translation>anulada {when}</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>válida</translation>
    </message>
    <message>
        <source>{serial}: {reason}</source>
        <translation>{serial}: {reason}</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Printing labels</source>
        <translation>Impresión de etiquetas</translation>
    </message>
    <message>
        <source>This workstation&apos;s label printer and label size; you can change both later.</source>
        <translation>La impresora de etiquetas de esta estación y el tamaño de etiqueta; puede cambiar ambos después.</translation>
    </message>
    <message>
        <source>No default printer (choose when printing)</source>
        <translation>Sin impresora predeterminada (elegir al imprimir)</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>&amp;Impresora:</translation>
    </message>
    <message>
        <source>&amp;Label template:</source>
        <translation>&amp;Formato de etiqueta:</translation>
    </message>
    <message>
        <source>&amp;Set up the lab</source>
        <translation>&amp;Configurar el laboratorio</translation>
    </message>
</context>
<context>
    <name>PrintersTab</name>
    <message>
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <source>Label stock</source>
        <translation>Formato de etiqueta</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Arriba</translation>
    </message>
    <message>
        <source>&amp;Save offsets</source>
        <translation>&amp;Guardar desplazamientos</translation>
    </message>
    <message>
        <source>Offsets for a printer and label stock</source>
        <translation>Desplazamientos para una impresora y formato de etiqueta</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>&amp;Impresora:</translation>
    </message>
    <message>
        <source>&amp;Label stock:</source>
        <translation>&amp;Formato de etiqueta:</translation>
    </message>
    <message>
        <source>Move &amp;right:</source>
        <translation>Mover a la &amp;derecha:</translation>
    </message>
    <message>
        <source>Move &amp;up:</source>
        <translation>Mover hacia arri&amp;ba:</translation>
    </message>
    <message>
        <source>Your role may not print labels.</source>
        <translation>Su rol no permite imprimir etiquetas.</translation>
    </message>
    <message>
        <source>Saved: {printer}, {template}: {dx} mm right, {dy} mm up.</source>
        <translation>Guardado: {printer}, {template}: {dx} mm a la derecha, {dy} mm hacia arriba.</translation>
    </message>
</context>
<context>
    <name>ReconcilePanel</name>
    <message>
        <source>Scan a packa&amp;ge or sample:</source>
        <translation>Escanee un &amp;bulto o muestra:</translation>
    </message>
    <message>
        <source>scan each package and sample label</source>
        <translation>escanee la etiqueta de cada bulto y muestra</translation>
    </message>
    <message>
        <source>Seal &amp;intact</source>
        <translation>Sello &amp;íntegro</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>&amp;Weight received (g):</source>
        <translation>&amp;Peso recibido (g):</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>Discrepancias</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Contenedor</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Resolver…</translation>
    </message>
    <message>
        <source>C&amp;lose shipment…</source>
        <translation>C&amp;errar envío…</translation>
    </message>
    <message>
        <source>Select a shipment.</source>
        <translation>Seleccione un envío.</translation>
    </message>
    <message>
        <source>Package {n} (outer seals {seals})</source>
        <translation>Bulto {n} (sellos exteriores {seals})</translation>
    </message>
    <message>
        <source>{what} — seal intact</source>
        <translation>{what} — sello íntegro</translation>
    </message>
    <message>
        <source>{what} — SEAL BROKEN</source>
        <translation>{what} — SELLO ROTO</translation>
    </message>
    <message>
        <source>{code} (package {n})</source>
        <translation>{code} (bulto {n})</translation>
    </message>
    <message>
        <source>seal intact</source>
        <translation>sello íntegro</translation>
    </message>
    <message>
        <source>SEAL BROKEN</source>
        <translation>SELLO ROTO</translation>
    </message>
    <message>
        <source>{code} — NOT ON THE MANIFEST</source>
        <translation>{code} — NO ESTÁ EN EL MANIFIESTO</translation>
    </message>
    <message>
        <source>{code} — scanned more than once</source>
        <translation>{code} — escaneado más de una vez</translation>
    </message>
    <message>
        <source>Samples scanned: {scanned} of {expected} (missing {missing}) · packages scanned: {packages_in} of {packages}</source>
        <translation>Muestras escaneadas: {scanned} de {expected} (faltan {missing}) · bultos escaneados: {packages_in} de {packages}</translation>
    </message>
    <message>
        <source>Expected ({n})</source>
        <translation>Esperadas ({n})</translation>
    </message>
    <message>
        <source>Scanned ({n})</source>
        <translation>Escaneadas ({n})</translation>
    </message>
    <message>
        <source>Missing ({n})</source>
        <translation>Faltantes ({n})</translation>
    </message>
    <message>
        <source>package {n}</source>
        <translation>bulto {n}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>Reconciled: no open discrepancy.</source>
        <translation>Conciliado: ninguna discrepancia pendiente.</translation>
    </message>
    <message>
        <source>Reconciled: {n} open discrepancy(ies) to resolve.</source>
        <translation>Conciliado: {n} discrepancia(s) pendiente(s) de resolver.</translation>
    </message>
    <message>
        <source>Resolve discrepancy #{n}</source>
        <translation>Resolver la discrepancia n.º {n}</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Resolución:</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Resolver</translation>
    </message>
    <message>
        <source>Say how the discrepancy was resolved.</source>
        <translation>Indique cómo se resolvió la discrepancia.</translation>
    </message>
    <message>
        <source>e.g. found in package 2, scanned late; recounted</source>
        <translation>p. ej. se encontró en el bulto 2, se escaneó tarde; se recontó</translation>
    </message>
    <message>
        <source>{n} discrepancy(ies) are unresolved. The shipment can be closed only as NOT clean, with the reason recorded.</source>
        <translation>Hay {n} discrepancia(s) sin resolver. El envío solo puede cerrarse como NO conforme, registrando el motivo.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Close as &amp;not clean</source>
        <translation>Cerrar como &amp;no conforme</translation>
    </message>
    <message>
        <source>Give the reason for closing with unresolved discrepancies.</source>
        <translation>Indique el motivo para cerrar con discrepancias sin resolver.</translation>
    </message>
    <message>
        <source>Every discrepancy is resolved (or none was found): the shipment is closed as clean. Reconciliation runs once more first.</source>
        <translation>Todas las discrepancias están resueltas (o no se encontró ninguna): el envío se cierra como conforme. Antes se concilia una vez más.</translation>
    </message>
    <message>
        <source>Close as &amp;clean</source>
        <translation>Cerrar como &amp;conforme</translation>
    </message>
    <message>
        <source>Close the shipment</source>
        <translation>Cerrar el envío</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Save the report as PDF</source>
        <translation>Guardar el informe como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a report on the left and build it: its pages appear here, ready to print or to save as PDF.</source>
        <translation>Elija un informe a la izquierda y genérelo: sus páginas aparecen aquí, listas para imprimir o guardar como PDF.</translation>
    </message>
    <message>
        <source>The report could not be saved: {error}</source>
        <translation>No se pudo guardar el informe: {error}</translation>
    </message>
    <message>
        <source>Chain-of-custody report: {sample}</source>
        <translation>Informe de cadena de custodia: {sample}</translation>
    </message>
    <message>
        <source>Inventory of every location</source>
        <translation>Inventario de todas las ubicaciones</translation>
    </message>
    <message>
        <source>Inventory of {location} and everything in it</source>
        <translation>Inventario de {location} y todo lo que contiene</translation>
    </message>
    <message>
        <source>Shipment summary</source>
        <translation>Resumen de envíos</translation>
    </message>
    <message numerus="yes">
        <source>%n journal entries about the sample</source>
        <translation>
            <numerusform>%n registro de bitácora sobre la muestra</numerusform>
            <numerusform>%n registros de bitácora sobre la muestra</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n muestra</numerusform>
            <numerusform>%n muestras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n envío</numerusform>
            <numerusform>%n envíos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>{counted} · {pages}
Content fingerprint (journaled): {fingerprint}
SHA-256 of the PDF: {sha}</source>
        <translation>{counted} · {pages}
Huella del contenido (en bitácora): {fingerprint}
SHA-256 del PDF: {sha}</translation>
    </message>
    <message>
        <source>The journal did NOT verify ({problem}). The report says so on its first page. Tell your supervisor or IT before relying on these records.</source>
        <translation>La bitácora NO se verificó ({problem}). El informe lo indica en su primera página. Avise a su supervisor o a TI antes de confiar en estos registros.</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Reports are for supervisors and auditors.</source>
        <extracomment>Who sees the view. The services let every role read, but reports are the supervisor&apos;s work and the auditor&apos;s; the services check again.</extracomment>
        <translation>Los informes son para supervisores y auditores.</translation>
    </message>
    <message>
        <source>Sample ID, or scan its label</source>
        <translation>ID de la muestra, o escanee su etiqueta</translation>
    </message>
    <message>
        <source>Inventory by &amp;location</source>
        <translation>Inventario por &amp;ubicación</translation>
    </message>
    <message>
        <source>Shipment summar&amp;y</source>
        <translation>R&amp;esumen de envíos</translation>
    </message>
    <message>
        <source>Build report (Ctrl+Enter)</source>
        <translation>Generar informe (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Building a report records in the journal who made it and its content fingerprint; Print and Save then output exactly what you see.</source>
        <translation>Generar un informe registra en la bitácora quién lo hizo y la huella de su contenido; Imprimir y Guardar producen exactamente lo que ve.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Build the chosen report (Ctrl+Enter)</source>
        <translation>Generar el informe elegido (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Save the report as PDF (Ctrl+S)</source>
        <translation>Guardar el informe como PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print the report at true scale ({key})</source>
        <translation>Imprimir el informe a escala real ({key})</translation>
    </message>
    <message>
        <source>Every location</source>
        <translation>Todas las ubicaciones</translation>
    </message>
    <message>
        <source>Checking the journal&apos;s hash chain…</source>
        <translation>Comprobando la cadena de hashes de la bitácora…</translation>
    </message>
    <message>
        <source>Comparing every record with the journal…</source>
        <translation>Comparando cada registro con la bitácora…</translation>
    </message>
    <message>
        <source>Reading the records…</source>
        <translation>Leyendo los registros…</translation>
    </message>
    <message>
        <source>Drawing the PDF…</source>
        <translation>Dibujando el PDF…</translation>
    </message>
    <message>
        <source>Chain-of-custody report</source>
        <translation>Informe de cadena de custodia</translation>
    </message>
    <message>
        <source>Type the sample&apos;s ID or scan its label.</source>
        <translation>Escriba el ID de la muestra o escanee su etiqueta.</translation>
    </message>
    <message>
        <source>That is not a sample&apos;s label; scan the sample&apos;s own label.</source>
        <translation>Esa no es la etiqueta de una muestra; escanee la etiqueta de la muestra.</translation>
    </message>
    <message>
        <source>This workstation has no label key; type the sample&apos;s ID instead.</source>
        <translation>Esta estación no tiene la clave de etiquetas; escriba el ID de la muestra.</translation>
    </message>
    <message>
        <source>The report cannot be shown: {error}</source>
        <translation>No se puede mostrar el informe: {error}</translation>
    </message>
    <message>
        <source>Cancelled; no report was made.</source>
        <translation>Cancelado; no se generó ningún informe.</translation>
    </message>
    <message>
        <source>Shipment summary</source>
        <translation>Resumen de envíos</translation>
    </message>
    <message>
        <source>Chain of &amp;custody of one sample</source>
        <translation>&amp;Cadena de custodia de una muestra</translation>
    </message>
    <message>
        <source>Every shipment, newest first, and what is still open.</source>
        <translation>Todos los envíos, los más recientes primero, y lo que sigue pendiente.</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventario</translation>
    </message>
</context>
<context>
    <name>RotateKeyDialog</name>
    <message>
        <source>Rotate the signing key</source>
        <translation>Rotar la llave de firma</translation>
    </message>
    <message>
        <source>&amp;Rotate the key</source>
        <translation>&amp;Rotar la llave</translation>
    </message>
    <message>
        <source>A new signing key replaces {fingerprint}. The old key signs the new one, so bundles and checkpoints signed before stay valid, and its file is kept beside the new one, renamed. Partner labs must then be told the new fingerprint, and every workstation that shares the key file needs the new file.</source>
        <translation>Una nueva llave de firma reemplaza a {fingerprint}. La llave anterior firma la nueva, así que los paquetes de exportación y los puntos de control firmados antes siguen siendo válidos, y su archivo se conserva junto al nuevo, con otro nombre. Después hay que comunicar la nueva huella a los laboratorios socios, y cada estación que comparte el archivo de la llave necesita el archivo nuevo.</translation>
    </message>
    <message>
        <source>e.g. the key file may have been copied</source>
        <translation>p. ej. es posible que el archivo de la llave se haya copiado</translation>
    </message>
    <message>
        <source>I will give partner labs the new fingerprint</source>
        <translation>Comunicaré la nueva huella a los laboratorios socios</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Say why the key is replaced.</source>
        <translation>Indique por qué se reemplaza la llave.</translation>
    </message>
    <message>
        <source>Tick the box: partner labs refuse bundles signed by a key they have not been told about.</source>
        <translation>Marque la casilla: los laboratorios socios rechazan los paquetes de exportación firmados con una llave que no se les ha comunicado.</translation>
    </message>
</context>
<context>
    <name>SampleActionDialog</name>
    <message>
        <source>Choose: {what}</source>
        <translation>Elija: {what}</translation>
    </message>
    <message>
        <source>Seal {code}</source>
        <translation>Sellar {code}</translation>
    </message>
    <message>
        <source>Enter the number printed on the seal you apply. Every seal number is used once.</source>
        <translation>Escriba el número impreso en el sello que coloca. Cada número de sello se usa una sola vez.</translation>
    </message>
    <message>
        <source>&amp;Seal</source>
        <translation>&amp;Sellar</translation>
    </message>
    <message>
        <source>Seal &amp;number:</source>
        <translation>&amp;Número de sello:</translation>
    </message>
    <message>
        <source>seal number</source>
        <translation>número de sello</translation>
    </message>
    <message>
        <source>Reseal {code}</source>
        <translation>Resellar {code}</translation>
    </message>
    <message>
        <source>Enter the number of the new seal; it replaces the seal broken when the sample was opened.</source>
        <translation>Escriba el número del sello nuevo; sustituye al sello que se rompió al abrir la muestra.</translation>
    </message>
    <message>
        <source>&amp;Reseal</source>
        <translation>&amp;Resellar</translation>
    </message>
    <message>
        <source>New seal &amp;number:</source>
        <translation>&amp;Número del sello nuevo:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Open {code}</source>
        <translation>Abrir {code}</translation>
    </message>
    <message>
        <source>Opening breaks the seals ({seals}). Say why, and in what state the seals were.</source>
        <translation>Abrir rompe los sellos ({seals}). Indique por qué y en qué estado estaban los sellos.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>&amp;Seals were:</source>
        <translation>Los &amp;sellos estaban:</translation>
    </message>
    <message>
        <source>the state of the seals</source>
        <translation>el estado de los sellos</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>Íntegros</translation>
    </message>
    <message>
        <source>Broken or tampered with</source>
        <translation>Rotos o manipulados</translation>
    </message>
    <message>
        <source>Re-weigh {code}</source>
        <translation>Volver a pesar {code}</translation>
    </message>
    <message>
        <source>Recorded net weight: {weight} g (balance {balance}). A change beyond the lab&apos;s tolerance is flagged.</source>
        <translation>Peso neto registrado: {weight} g (balanza {balance}). Se señala todo cambio que exceda la tolerancia del laboratorio.</translation>
    </message>
    <message>
        <source>&amp;Record weight</source>
        <translation>&amp;Registrar peso</translation>
    </message>
    <message>
        <source>Net &amp;weight (g):</source>
        <translation>&amp;Peso neto (g):</translation>
    </message>
    <message>
        <source>net weight</source>
        <translation>peso neto</translation>
    </message>
    <message>
        <source>&amp;Balance ID:</source>
        <translation>ID de &amp;balanza:</translation>
    </message>
    <message>
        <source>balance ID</source>
        <translation>ID de balanza</translation>
    </message>
</context>
<context>
    <name>SampleDetailView</name>
    <message>
        <source>Add a photograph</source>
        <translation>Agregar una fotografía</translation>
    </message>
    <message>
        <source>Photographs (*.jpg *.jpeg *.png)</source>
        <translation>Fotografías (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Open a sample from the Samples view, or type or scan its ID.</source>
        <translation>Abra una muestra desde la vista Muestras, o escriba o escanee su ID.</translation>
    </message>
    <message>
        <source>Sample &amp;ID:</source>
        <translation>&amp;ID de muestra:</translation>
    </message>
    <message>
        <source>&amp;Seal…</source>
        <translation>&amp;Sellar…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>A&amp;brir…</translation>
    </message>
    <message>
        <source>R&amp;eseal…</source>
        <translation>R&amp;esellar…</translation>
    </message>
    <message>
        <source>Re-&amp;weigh…</source>
        <translation>Volver a &amp;pesar…</translation>
    </message>
    <message>
        <source>&amp;Print labels…</source>
        <translation>Imprimir e&amp;tiquetas…</translation>
    </message>
    <message>
        <source>A&amp;dd photo…</source>
        <translation>Agregar &amp;foto…</translation>
    </message>
    <message>
        <source>Custody timeline ({n})</source>
        <translation>Cronología de custodia ({n})</translation>
    </message>
    <message>
        <source>Labels ({n})</source>
        <translation>Etiquetas ({n})</translation>
    </message>
    <message>
        <source>Photographs ({n})</source>
        <translation>Fotografías ({n})</translation>
    </message>
    <message>
        <source>Custody timeline</source>
        <translation>Cronología de custodia</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Photographs</source>
        <translation>Fotografías</translation>
    </message>
    <message>
        <source>scanner code {code}</source>
        <translation>código de escáner {code}</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>Su rol no permite hacer esto.</translation>
    </message>
    <message>
        <source>Not possible while the sample is {status}.</source>
        <translation>No es posible mientras la muestra está {status}.</translation>
    </message>
    <message>
        <source>Weight recorded: {before} g → {after} g (within the tolerance).</source>
        <translation>Peso registrado: {before} g → {after} g (dentro de la tolerancia).</translation>
    </message>
    <message>
        <source>{note}
Recorded: {before} g → {after} g. Check the balance and the seal, and tell your supervisor.</source>
        <translation>{note}
Registrado: {before} g → {after} g. Revise la balanza y el sello, y avise a su supervisor.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read: {error}</source>
        <translation>No se puede leer el archivo {name}: {error}</translation>
    </message>
    <message>
        <source>Photograph {name} added; SHA-256 {sha}.</source>
        <translation>Fotografía {name} agregada; SHA-256 {sha}.</translation>
    </message>
</context>
<context>
    <name>SampleEntry</name>
    <message>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <source>net weight</source>
        <translation>peso neto</translation>
    </message>
    <message>
        <source>balance ID</source>
        <translation>ID de balanza</translation>
    </message>
    <message>
        <source>presumptive substance</source>
        <translation>sustancia presuntiva</translation>
    </message>
    <message>
        <source>Same as its source</source>
        <translation>Igual que su origen</translation>
    </message>
    <message>
        <source>unit count</source>
        <translation>número de unidades</translation>
    </message>
    <message>
        <source>&amp;Hazard: potent opioid (possible fentanyl)</source>
        <translation>Pe&amp;ligro: opioide potente (posible fentanilo)</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Net &amp;weight (g):</source>
        <translation>&amp;Peso neto (g):</translation>
    </message>
    <message>
        <source>&amp;Balance ID:</source>
        <translation>ID de &amp;balanza:</translation>
    </message>
    <message>
        <source>Presumptive s&amp;ubstance:</source>
        <translation>S&amp;ustancia presuntiva:</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Forma:</translation>
    </message>
    <message>
        <source>Uni&amp;ts:</source>
        <translation>U&amp;nidades:</translation>
    </message>
    <message>
        <source>Same as its source ({form})</source>
        <translation>Igual que su origen ({form})</translation>
    </message>
</context>
<context>
    <name>SampleFieldsPanel</name>
    <message>
        <source>Case:</source>
        <translation>Caso:</translation>
    </message>
    <message>
        <source>Exhibit:</source>
        <translation>Indicio:</translation>
    </message>
    <message>
        <source>Sub-sample of:</source>
        <translation>Submuestra de:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <source>Presumptive substance:</source>
        <translation>Sustancia presuntiva:</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Forma:</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>Unidades:</translation>
    </message>
    <message>
        <source>Net weight:</source>
        <translation>Peso neto:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ubicación:</translation>
    </message>
    <message>
        <source>Held by:</source>
        <translation>En poder de:</translation>
    </message>
    <message>
        <source>Seals:</source>
        <translation>Sellos:</translation>
    </message>
    <message>
        <source>Registered:</source>
        <translation>Registrada:</translation>
    </message>
    <message>
        <source>Allowed now:</source>
        <translation>Permitido ahora:</translation>
    </message>
    <message>
        <source>{grams} g (balance {balance})</source>
        <translation>{grams} g (balanza {balance})</translation>
    </message>
    <message>
        <source>not in storage</source>
        <translation>no está almacenada</translation>
    </message>
    <message>
        <source>nobody (in storage or in transit)</source>
        <translation>nadie (almacenada o en tránsito)</translation>
    </message>
    <message>
        <source>none applied</source>
        <translation>ninguno colocado</translation>
    </message>
    <message>
        <source>nothing (final)</source>
        <translation>nada (estado final)</translation>
    </message>
</context>
<context>
    <name>SampleFilterBar</name>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>number or its start: FED/CDMX/</source>
        <translation>número o su inicio: FED/CDMX/</translation>
    </message>
    <message>
        <source>code, e.g. VAULT-A</source>
        <translation>clave, p. ej. VAULT-A</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>Sample &amp;ID starts with:</source>
        <translation>El &amp;ID de muestra empieza con:</translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation>&amp;Caso:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Ubicación:</translation>
    </message>
    <message>
        <source>Registered fr&amp;om:</source>
        <translation>Registrada &amp;desde:</translation>
    </message>
    <message>
        <source>&amp;up to:</source>
        <translation>has&amp;ta:</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>Registrada desde</translation>
    </message>
    <message>
        <source>Up to</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>The &apos;from&apos; date ({start}) is after the &apos;up to&apos; date ({end}).</source>
        <translation>La fecha &apos;desde&apos; ({start}) es posterior a la fecha &apos;hasta&apos; ({end}).</translation>
    </message>
    <message>
        <source>{field}: &apos;{text}&apos; is not a date; type it as YYYY-MM-DD, e.g. {e}.</source>
        <translation>{field}: &apos;{text}&apos; no es una fecha; escríbala como AAAA-MM-DD, p. ej. {e}.</translation>
    </message>
</context>
<context>
    <name>SampleTableModel</name>
    <message>
        <source>Sample ID</source>
        <translation>ID de muestra</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>Indicio</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Net weight (g)</source>
        <translation>Peso neto (g)</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Not in a storage location (held by a person or in transit)</source>
        <translation>No está en una ubicación de almacenamiento (en poder de una persona o en tránsito)</translation>
    </message>
</context>
<context>
    <name>SamplesStep</name>
    <message>
        <source>Samples</source>
        <translation>Muestras</translation>
    </message>
    <message>
        <source>&amp;Add this sample</source>
        <translation>&amp;Agregar esta muestra</translation>
    </message>
    <message>
        <source>Registered from this exhibit:</source>
        <translation>Registradas de este indicio:</translation>
    </message>
    <message>
        <source>Enter the first sample taken from the exhibit.</source>
        <translation>Capture la primera muestra tomada del indicio.</translation>
    </message>
    <message>
        <source>&amp;Next ›</source>
        <translation>&amp;Siguiente ›</translation>
    </message>
    <message>
        <source>Add sample &amp;&amp; &amp;next ›</source>
        <translation>Agregar muestra y &amp;siguiente ›</translation>
    </message>
    <message>
        <source>Samples of the exhibit just registered in case {case}.</source>
        <translation>Muestras del indicio recién registrado en el caso {case}.</translation>
    </message>
    <message>
        <source>{code} — {weight} g — {description}</source>
        <translation>{code} — {weight} g — {description}</translation>
    </message>
    <message>
        <source>Samples of exhibit {exhibit} of case {case}.</source>
        <translation>Muestras del indicio {exhibit} del caso {case}.</translation>
    </message>
</context>
<context>
    <name>SamplesView</name>
    <message>
        <source>Counting samples</source>
        <translation>Contando muestras</translation>
    </message>
    <message>
        <source>Matching: more than {samples} (counting…)</source>
        <translation>Coinciden: más de {samples} (contando…)</translation>
    </message>
    <message>
        <source>Matching: more than {samples}</source>
        <translation>Coinciden: más de {samples}</translation>
    </message>
    <message>
        <source>More than {samples} (counting…)</source>
        <translation>Más de {samples} (contando…)</translation>
    </message>
    <message>
        <source>More than {samples}</source>
        <translation>Más de {samples}</translation>
    </message>
    <message>
        <source>Matching: {samples}</source>
        <translation>Coinciden: {samples}</translation>
    </message>
    <message>
        <source>Matching: {samples} so far (scroll for more)</source>
        <translation>Coinciden: {samples} hasta ahora (desplácese para ver más)</translation>
    </message>
    <message>
        <source>1 sample</source>
        <translation>1 muestra</translation>
    </message>
    <message>
        <source>{n} samples</source>
        <translation>{n} muestras</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Custody</translation>
    </message>
</context>
<context>
    <name>ScanCapture</name>
    <message>
        <source>Receiving: {scan}</source>
        <translation>Recibiendo: {scan}</translation>
    </message>
    <message>
        <source>Ready: scan the test label now.</source>
        <translation>Listo: escanee ahora la etiqueta de prueba.</translation>
    </message>
    <message>
        <source>Click here, then scan the test label.</source>
        <translation>Haga clic aquí y luego escanee la etiqueta de prueba.</translation>
    </message>
</context>
<context>
    <name>ScanCard</name>
    <message>
        <source>POSIBLE FENTANILO / POSSIBLE FENTANYL — NO ABRIR / DO NOT OPEN</source>
        <translation>POSIBLE FENTANILO / POSSIBLE FENTANYL — NO ABRIR / DO NOT OPEN</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Ubicación:</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>En poder de:</translation>
    </message>
    <message>
        <source>Seals:</source>
        <translation>Sellos:</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Scan a label.</source>
        <translation>Escanee una etiqueta.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>nobody (in storage or in transit)</source>
        <translation>nadie (almacenada o en tránsito)</translation>
    </message>
    <message>
        <source>none intact</source>
        <translation>ninguno íntegro</translation>
    </message>
    <message>
        <source>✔ ACCEPTED</source>
        <translation>✔ ACEPTADO</translation>
    </message>
    <message>
        <source>⚠ CHECK</source>
        <translation>⚠ REVISAR</translation>
    </message>
    <message>
        <source>✖ REFUSED</source>
        <translation>✖ RECHAZADO</translation>
    </message>
</context>
<context>
    <name>ScanContextBar</name>
    <message>
        <source>Find</source>
        <extracomment>The contexts in the order shown, with their function keys.</extracomment>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Recibir</translation>
    </message>
    <message>
        <source>Put away</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Embalar</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Conciliar</translation>
    </message>
    <message>
        <source>Shipment:</source>
        <translation>Envío:</translation>
    </message>
    <message>
        <source>Package:</source>
        <translation>Bulto:</translation>
    </message>
    <message>
        <source>Next container: seal &amp;broken</source>
        <translation>Siguiente contenedor: sello &amp;roto</translation>
    </message>
    <message>
        <source>Reconcile &amp;now</source>
        <translation>Conciliar &amp;ahora</translation>
    </message>
</context>
<context>
    <name>ScanEntry</name>
    <message>
        <source>Nothing was scanned: scan the label, or type it and press Enter.</source>
        <translation>No se escaneó nada: escanee la etiqueta, o escríbala y presione Enter.</translation>
    </message>
</context>
<context>
    <name>ScanFeedback</name>
    <message>
        <source>&amp;Retrieve…</source>
        <translation>&amp;Retirar…</translation>
    </message>
    <message>
        <source>&amp;Put away</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Hand over…</source>
        <translation>&amp;Entregar…</translation>
    </message>
    <message>
        <source>Pac&amp;k</source>
        <translation>E&amp;mbalar</translation>
    </message>
    <message>
        <source>Rece&amp;ive</source>
        <translation>Rec&amp;ibir</translation>
    </message>
    <message>
        <source>Label checked: printed by this lab and valid.</source>
        <translation>Etiqueta verificada: impresa por este laboratorio y válida.</translation>
    </message>
    <message>
        <source>Storage location. Put samples away here with Put away (F4).</source>
        <translation>Ubicación de almacenamiento. Guarde aquí las muestras con Guardar (F4).</translation>
    </message>
    <message>
        <source>&amp;Put away here</source>
        <translation>&amp;Guardar aquí</translation>
    </message>
    <message>
        <source>Person badge</source>
        <translation>Gafete de persona</translation>
    </message>
    <message>
        <source>A person&apos;s badge; nothing to do.</source>
        <translation>El gafete de una persona; no hay nada que hacer.</translation>
    </message>
    <message>
        <source>{manifest}, package {n}</source>
        <translation>{manifest}, bulto {n}</translation>
    </message>
    <message numerus="yes">
        <source>To {consignee}: {status}, %n sample(s).</source>
        <translation>
            <numerusform>Para {consignee}: {status}, %n muestra.</numerusform>
            <numerusform>Para {consignee}: {status}, %n muestras.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pac&amp;k into it</source>
        <translation>E&amp;mbalar en él</translation>
    </message>
    <message>
        <source>Rece&amp;ive it</source>
        <translation>Rec&amp;ibirlo</translation>
    </message>
    <message>
        <source>&amp;Reconcile it</source>
        <translation>C&amp;onciliarlo</translation>
    </message>
</context>
<context>
    <name>ScanHandler</name>
    <message>
        <source>Add a package first, then scan the samples into it.</source>
        <translation>Agregue primero un bulto y luego escanee las muestras hacia él.</translation>
    </message>
    <message>
        <source>Packing into package {n}.</source>
        <translation>Embalando en el bulto {n}.</translation>
    </message>
    <message>
        <source>There is no package {n}.</source>
        <translation>No existe el bulto {n}.</translation>
    </message>
    <message>
        <source>{code} packed into package {n}.</source>
        <translation>{code} embalada en el bulto {n}.</translation>
    </message>
    <message>
        <source>Receipt started: now scan every package and sample.</source>
        <translation>Recepción iniciada: ahora escanee cada bulto y cada muestra.</translation>
    </message>
</context>
<context>
    <name>ScanPanels</name>
    <message>
        <source>(no shipment to choose)</source>
        <translation>(no hay envío para elegir)</translation>
    </message>
    <message>
        <source>{manifest} — {consignee} ({status}, samples: {n})</source>
        <translation>{manifest} — {consignee} ({status}, muestras: {n})</translation>
    </message>
    <message>
        <source>(no package yet: add one with its outer seal)</source>
        <translation>(aún no hay bultos: agregue uno con su sello exterior)</translation>
    </message>
    <message>
        <source>{n} — seals {seals}, samples: {count}</source>
        <translation>{n} — sellos {seals}, muestras: {count}</translation>
    </message>
    <message>
        <source>Choose the shipment to pack into.</source>
        <translation>Elija el envío en el que embalará.</translation>
    </message>
    <message>
        <source>{manifest} has no package yet.</source>
        <translation>{manifest} aún no tiene bultos.</translation>
    </message>
    <message>
        <source>{manifest}, package {n}</source>
        <translation>{manifest}, bulto {n}</translation>
    </message>
    <message>
        <source>Samples: {expected} expected · {received} scanned · {missing} missing    Packages: {p_received} of {p_expected} scanned</source>
        <translation>Muestras: {expected} esperadas · {received} escaneadas · {missing} faltantes    Bultos: {p_received} de {p_expected} escaneados</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Conciliar</translation>
    </message>
    <message>
        <source>Choose the received shipment first.</source>
        <translation>Elija primero el envío recibido.</translation>
    </message>
    <message>
        <source>Everything on the manifest arrived as shipped.</source>
        <translation>Todo lo del manifiesto llegó tal como se envió.</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>… y {n} más.</translation>
    </message>
    <message>
        <source>{n} discrepancy(ies) recorded for a supervisor:</source>
        <translation>{n} discrepancia(s) registrada(s) para un supervisor:</translation>
    </message>
</context>
<context>
    <name>ScanStationView</name>
    <message>
        <source>Scan a label — or type it and press Enter</source>
        <translation>Escanee una etiqueta, o escríbala y presione Enter</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>No aceptado</translation>
    </message>
    <message>
        <source>This workstation has no label key; ask IT to install it.</source>
        <translation>Esta estación no tiene la clave de etiquetas; pida a TI que la instale.</translation>
    </message>
    <message>
        <source>Found by its typed ID.</source>
        <translation>Encontrada por su ID escrito.</translation>
    </message>
    <message>
        <source>Received. Now scan every package and sample ({n} expected).</source>
        <translation>Recibido. Ahora escanee cada bulto y cada muestra ({n} esperadas).</translation>
    </message>
    <message>
        <source>Put away in {location}.</source>
        <translation>Guardada en {location}.</translation>
    </message>
    <message>
        <source>Now scan the samples to put away here.</source>
        <translation>Ahora escanee las muestras que guardará aquí.</translation>
    </message>
    <message>
        <source>Packed: {where}.</source>
        <translation>Embalada: {where}.</translation>
    </message>
    <message>
        <source>Scan the location&apos;s label: {code} goes there.</source>
        <translation>Escanee la etiqueta de la ubicación: {code} se guarda ahí.</translation>
    </message>
    <message>
        <source>Put away</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Retrieve {code}</source>
        <translation>Retirar {code}</translation>
    </message>
    <message>
        <source>Why is it taken out of storage (purpose)?</source>
        <translation>¿Por qué se saca del almacenamiento (motivo)?</translation>
    </message>
    <message>
        <source>Retrieved from {location}: you hold it now.</source>
        <translation>Retirada de {location}: ahora está en su poder.</translation>
    </message>
    <message>
        <source>Choose the shipment and package, then scan {code} again.</source>
        <translation>Elija el envío y el bulto, y escanee {code} de nuevo.</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Embalar</translation>
    </message>
    <message>
        <source>Handed over to {holder}.</source>
        <translation>Entregada a {holder}.</translation>
    </message>
    <message>
        <source>Stopped. Scan a location&apos;s label.</source>
        <translation>Detenido. Escanee la etiqueta de una ubicación.</translation>
    </message>
    <message>
        <source>Putting away into {location}: scan the samples. Esc: stop.</source>
        <translation>Guardando en {location}: escanee las muestras. Esc: detener.</translation>
    </message>
    <message>
        <source>Scan any label to see what it is; a typed ID works too.</source>
        <translation>Escanee cualquier etiqueta para ver qué es; también sirve un ID escrito.</translation>
    </message>
    <message>
        <source>Scan the QR code on the manifest&apos;s first page.</source>
        <translation>Escanee el código QR de la primera página del manifiesto.</translation>
    </message>
    <message>
        <source>Scan a location&apos;s label, then the samples to put there.</source>
        <translation>Escanee la etiqueta de una ubicación y luego las muestras que guardará ahí.</translation>
    </message>
    <message>
        <source>Choose or scan the package, then scan the samples.</source>
        <translation>Elija o escanee el bulto y luego escanee las muestras.</translation>
    </message>
    <message>
        <source>Scan every package and sample that arrived.</source>
        <translation>Escanee cada bulto y cada muestra que llegó.</translation>
    </message>
</context>
<context>
    <name>ScannerTestDialog</name>
    <message>
        <source>Scanner self-test</source>
        <translation>Autoprueba del escáner</translation>
    </message>
    <message>
        <source>Checks that the barcode scanner and this computer&apos;s keyboard layout deliver a label&apos;s code intact.
1. Print the test label (or save it as a PDF and print it).
2. Scan it into the box below.
Custody then says what, if anything, to change in the scanner or the computer.</source>
        <translation>Comprueba que el escáner de códigos y la distribución del teclado de esta computadora entreguen intacto el código de una etiqueta.
1. Imprima la etiqueta de prueba (o guárdela como PDF e imprímala).
2. Escanéela en el cuadro de abajo.
Custody le dirá entonces qué cambiar, si hace falta, en el escáner o en la computadora.</translation>
    </message>
    <message>
        <source>Scan &amp;again</source>
        <translation>Escanear de &amp;nuevo</translation>
    </message>
    <message>
        <source>Test label</source>
        <translation>Etiqueta de prueba</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimir</translation>
    </message>
    <message>
        <source>(no printer installed)</source>
        <translation>(no hay impresoras instaladas)</translation>
    </message>
    <message>
        <source>Label stock:</source>
        <translation>Formato de etiqueta:</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>Impresora:</translation>
    </message>
    <message>
        <source>The test label could not be saved: {error}</source>
        <translation>No se pudo guardar la etiqueta de prueba: {error}</translation>
    </message>
    <message>
        <source>Test label saved to {path}.</source>
        <translation>Etiqueta de prueba guardada en {path}.</translation>
    </message>
    <message>
        <source>It carries the QR code only: the Code 128 barcode for 1D scanners needs a wider label ({stocks}).</source>
        <translation>Solo lleva el código QR: el código de barras Code 128 para escáneres 1D necesita una etiqueta más ancha ({stocks}).</translation>
    </message>
    <message>
        <source>Save the test label</source>
        <translation>Guardar la etiqueta de prueba</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The test label could not be printed: {error}</source>
        <translation>No se pudo imprimir la etiqueta de prueba: {error}</translation>
    </message>
    <message>
        <source>Test label sent to {printer}.</source>
        <translation>Etiqueta de prueba enviada a {printer}.</translation>
    </message>
    <message>
        <source>ended with Enter</source>
        <translation>terminó con Enter</translation>
    </message>
    <message>
        <source>no Enter after it</source>
        <translation>sin Enter al final</translation>
    </message>
    <message>
        <source>Received: {scan} ({count} characters, {enter})</source>
        <translation>Recibido: {scan} ({count} caracteres, {enter})</translation>
    </message>
    <message>
        <source>The scanner works with this computer.</source>
        <translation>El escáner funciona con esta computadora.</translation>
    </message>
    <message>
        <source>The scan arrived intact. Nothing to change.</source>
        <translation>El escaneo llegó intacto. No hay nada que cambiar.</translation>
    </message>
    <message>
        <source>The scan did not arrive intact.</source>
        <translation>El escaneo no llegó intacto.</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Solución:</translation>
    </message>
</context>
<context>
    <name>SealsStep</name>
    <message>
        <source>Seals</source>
        <translation>Sellos</translation>
    </message>
    <message>
        <source>Seal each sample and enter the number printed on its seal. Every seal number is used once.</source>
        <translation>Selle cada muestra y escriba el número impreso en su sello. Cada número de sello se usa una sola vez.</translation>
    </message>
    <message>
        <source>&amp;Seal &amp;&amp; next ›</source>
        <translation>&amp;Sellar y siguiente ›</translation>
    </message>
    <message>
        <source>&amp;Next ›</source>
        <translation>&amp;Siguiente ›</translation>
    </message>
    <message>
        <source>✓ sealed: {seals}</source>
        <translation>✓ sellada: {seals}</translation>
    </message>
    <message>
        <source>No samples registered yet.</source>
        <translation>Aún no hay muestras registradas.</translation>
    </message>
    <message>
        <source>Every sample of this intake is sealed.</source>
        <translation>Todas las muestras de este ingreso están selladas.</translation>
    </message>
    <message>
        <source>{code} (opened; reseal):</source>
        <translation>{code} (abierta; resellar):</translation>
    </message>
    <message>
        <source>{code} — {description}:</source>
        <translation>{code} — {description}:</translation>
    </message>
    <message>
        <source>seal number</source>
        <translation>número de sello</translation>
    </message>
    <message>
        <source>The same seal number is typed for {other}.</source>
        <translation>El mismo número de sello está escrito para {other}.</translation>
    </message>
</context>
<context>
    <name>SeizureStep</name>
    <message>
        <source>AICM Terminal 1, cargo area</source>
        <translation>AICM Terminal 1, área de carga</translation>
    </message>
    <message>
        <source>Port of Manzanillo, container terminal</source>
        <translation>Puerto de Manzanillo, terminal de contenedores</translation>
    </message>
    <message>
        <source>Port of Lázaro Cárdenas, pier 2</source>
        <translation>Puerto de Lázaro Cárdenas, muelle 2</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a time zone name; use an IANA name such as America/Mexico_City.</source>
        <translation>«{name}» no es el nombre de una zona horaria; use un nombre IANA como America/Mexico_City.</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>Aseguramiento</translation>
    </message>
    <message>
        <source>AICM — Mexico City International Airport</source>
        <translation>AICM — Aeropuerto Internacional de la Ciudad de México</translation>
    </message>
    <message>
        <source>MZO — Port of Manzanillo</source>
        <translation>MZO — Puerto de Manzanillo</translation>
    </message>
    <message>
        <source>LZC — Port of Lázaro Cárdenas</source>
        <translation>LZC — Puerto de Lázaro Cárdenas</translation>
    </message>
    <message>
        <source>OTHER — elsewhere (say where under Place)</source>
        <translation>OTRO — en otro lugar (indíquelo en Lugar)</translation>
    </message>
    <message>
        <source>place of seizure</source>
        <translation>lugar del aseguramiento</translation>
    </message>
    <message>
        <source>conveyance</source>
        <translation>medio de transporte</translation>
    </message>
    <message>
        <source>flight / air waybill; vessel, voyage, container, B/L</source>
        <translation>vuelo / guía aérea; buque, viaje, contenedor, conocimiento de embarque</translation>
    </message>
    <message>
        <source>reason the chain starts</source>
        <translation>motivo del inicio de la cadena</translation>
    </message>
    <message>
        <source>e.g. X-ray inspection by ANAM customs found…</source>
        <translation>p. ej. la inspección con rayos X de la aduana (ANAM) encontró…</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <source>Seized &amp;at:</source>
        <translation>&amp;Asegurado el:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>&amp;Conveyance:</source>
        <translation>&amp;Medio de transporte:</translation>
    </message>
    <message>
        <source>&amp;Reason the chain starts:</source>
        <translation>M&amp;otivo del inicio de la cadena:</translation>
    </message>
    <message>
        <source>The seizure time is in the future.</source>
        <translation>La hora del aseguramiento está en el futuro.</translation>
    </message>
    <message>
        <source>&amp;Next ›</source>
        <translation>&amp;Siguiente ›</translation>
    </message>
    <message>
        <source>Register seizure &amp;&amp; &amp;next ›</source>
        <translation>Registrar aseguramiento y &amp;siguiente ›</translation>
    </message>
    <message>
        <source>Seizure registered: {port}, {place}, {when}.</source>
        <translation>Aseguramiento registrado: {port}, {place}, {when}.</translation>
    </message>
</context>
<context>
    <name>ShipmentActions</name>
    <message>
        <source>Shipment {number} created. Add a package next.</source>
        <translation>Envío {number} creado. Ahora agregue un bulto.</translation>
    </message>
    <message>
        <source>Add a package to {number}</source>
        <translation>Agregar un bulto a {number}</translation>
    </message>
    <message>
        <source>Seal the outer package, then enter its seal number(s).</source>
        <translation>Selle el bulto exterior y luego escriba su(s) número(s) de sello.</translation>
    </message>
    <message>
        <source>Outer &amp;seal numbers:</source>
        <translation>Números de &amp;sello exterior:</translation>
    </message>
    <message>
        <source>&amp;Add package</source>
        <translation>&amp;Agregar bulto</translation>
    </message>
    <message>
        <source>A package needs at least one outer seal number.</source>
        <translation>Un bulto necesita al menos un número de sello exterior.</translation>
    </message>
    <message>
        <source>e.g. OUT-0001, OUT-0002</source>
        <translation>p. ej. OUT-0001, OUT-0002</translation>
    </message>
    <message>
        <source>Unpack {code}</source>
        <translation>Desembalar {code}</translation>
    </message>
    <message>
        <source>{code} comes out of {number} and back into your hands.</source>
        <translation>{code} sale de {number} y vuelve a su poder.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Unpack</source>
        <translation>&amp;Desembalar</translation>
    </message>
    <message>
        <source>Say why the sample is taken out of the shipment.</source>
        <translation>Indique por qué se saca la muestra del envío.</translation>
    </message>
</context>
<context>
    <name>ShipmentBundle</name>
    <message>
        <source>Export the shipment&apos;s bundle</source>
        <translation>Guardar el paquete de exportación del envío</translation>
    </message>
    <message>
        <source>Custody bundles (*.custody.zip);;ZIP files (*.zip)</source>
        <translation>Paquetes de exportación de Custody (*.custody.zip);;Archivos ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Only a supervisor or an auditor exports bundles.</source>
        <translation>Solo un supervisor o un auditor genera paquetes de exportación.</translation>
    </message>
    <message>
        <source>Writing and signing the bundle of {number}…</source>
        <translation>Escribiendo y firmando el paquete de exportación de {number}…</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Generar paquete de exportación</translation>
    </message>
    <message>
        <source>Bundle saved: {path}
SHA-256: {sha256}
Signed by key {fingerprint} — the receiving lab must hold this key. {entries} journal entries, checkpoint at {size} entries.</source>
        <translation>Paquete de exportación guardado: {path}
SHA-256: {sha256}
Firmado con la llave {fingerprint} — el laboratorio que lo recibe debe tener esta llave. {entries} entradas de la bitácora, punto de control de {size} entradas.</translation>
    </message>
    <message>
        <source>The bundle was not exported: {reason}</source>
        <translation>No se generó el paquete de exportación: {reason}</translation>
    </message>
</context>
<context>
    <name>ShipmentDetail</name>
    <message>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <source>Witnessed by</source>
        <translation>Atestiguado por</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Recibido por</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>&amp;Editar datos…</translation>
    </message>
    <message>
        <source>Consignee, carrier, waybill, conditions</source>
        <translation>Destinatario, transportista, guía, condiciones</translation>
    </message>
    <message>
        <source>Add pac&amp;kage…</source>
        <translation>Agregar &amp;bulto…</translation>
    </message>
    <message>
        <source>A new package with its outer seals</source>
        <translation>Un bulto nuevo con sus sellos exteriores</translation>
    </message>
    <message>
        <source>Pack &amp;by scan</source>
        <translation>E&amp;mbalar por escaneo</translation>
    </message>
    <message>
        <source>Scan samples into the selected package</source>
        <translation>Escanear muestras hacia el bulto seleccionado</translation>
    </message>
    <message>
        <source>&amp;Unpack…</source>
        <translation>&amp;Desembalar…</translation>
    </message>
    <message>
        <source>Take the selected sample out, with a reason</source>
        <translation>Sacar la muestra seleccionada, con un motivo</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>Ap&amp;robar…</translation>
    </message>
    <message>
        <source>A supervisor signs; the manifest is issued</source>
        <translation>Un supervisor firma; se emite el manifiesto</translation>
    </message>
    <message>
        <source>&amp;Dispatch…</source>
        <translation>Des&amp;pachar…</translation>
    </message>
    <message>
        <source>Hand the shipment to the carrier</source>
        <translation>Entregar el envío al transportista</translation>
    </message>
    <message>
        <source>&amp;Manifest…</source>
        <translation>Mani&amp;fiesto…</translation>
    </message>
    <message>
        <source>Preview, print or save the manifest</source>
        <translation>Ver, imprimir o guardar el manifiesto</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Receipt and reconciliation</source>
        <translation>Recepción y conciliación</translation>
    </message>
    <message>
        <source>Scan the manifest&apos;s QR code on arrival</source>
        <translation>Escanear el código QR del manifiesto a la llegada</translation>
    </message>
    <message>
        <source>Rece&amp;ive</source>
        <translation>Rec&amp;ibir</translation>
    </message>
    <message>
        <source>Rec&amp;oncile</source>
        <translation>C&amp;onciliar</translation>
    </message>
    <message>
        <source>Compare what arrived with the manifest</source>
        <translation>Comparar lo que llegó con el manifiesto</translation>
    </message>
    <message>
        <source>E&amp;xport bundle…</source>
        <translation>Generar paquete de e&amp;xportación…</translation>
    </message>
    <message>
        <source>A signed file for the consignee</source>
        <translation>Un archivo firmado para el destinatario</translation>
    </message>
    <message>
        <source>Consignee:</source>
        <translation>Destinatario:</translation>
    </message>
    <message>
        <source>Carrier:</source>
        <translation>Transportista:</translation>
    </message>
    <message>
        <source>Air waybill / tracking:</source>
        <translation>Guía aérea / rastreo:</translation>
    </message>
    <message>
        <source>Transport mode:</source>
        <translation>Modo de transporte:</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>Condiciones:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Creado:</translation>
    </message>
    <message>
        <source>Dispatched:</source>
        <translation>Despachado:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Recibido:</translation>
    </message>
    <message>
        <source>Closed:</source>
        <translation>Cerrado:</translation>
    </message>
    <message>
        <source>Manifest SHA-256:</source>
        <translation>SHA-256 del manifiesto:</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Firmas</translation>
    </message>
    <message>
        <source>Package / sample</source>
        <translation>Bulto / muestra</translation>
    </message>
    <message>
        <source>Outer seals</source>
        <translation>Sellos exteriores</translation>
    </message>
    <message>
        <source>&amp;Scan:</source>
        <translation>E&amp;scanear:</translation>
    </message>
    <message>
        <source>No shipment selected</source>
        <translation>No hay un envío seleccionado</translation>
    </message>
    <message>
        <source>revision {n}</source>
        <translation>revisión {n}</translation>
    </message>
    <message>
        <source>no manifest yet</source>
        <translation>aún sin manifiesto</translation>
    </message>
    <message>
        <source>clean</source>
        <translation>conforme</translation>
    </message>
    <message>
        <source>NOT clean (accepted with a reason)</source>
        <translation>NO conforme (aceptado con un motivo)</translation>
    </message>
    <message>
        <source>, to {agent}</source>
        <translation>, a {agent}</translation>
    </message>
    <message>
        <source>this lab — imported from {lab} ({origin})</source>
        <translation>este laboratorio — importado de {lab} ({origin})</translation>
    </message>
    <message>
        <source>Relinquished to the carrier: {who}, {when}</source>
        <translation>Entregado al transportista: {who}, {when}</translation>
    </message>
    <message>
        <source>Received at the laboratory: {who}, {when}</source>
        <translation>Recibido en el laboratorio: {who}, {when}</translation>
    </message>
    <message>
        <source>Open discrepancies: {n}</source>
        <translation>Discrepancias pendientes: {n}</translation>
    </message>
    <message>
        <source>Not signed yet.</source>
        <translation>Aún sin firmar.</translation>
    </message>
    <message numerus="yes">
        <source>Package {number} — %n sample(s)</source>
        <translation>
            <numerusform>Bulto {number} — %n muestra</numerusform>
            <numerusform>Bulto {number} — %n muestras</numerusform>
        </translation>
    </message>
    <message>
        <source>Pack (add a package first):</source>
        <translation>Embalar (agregue primero un bulto):</translation>
    </message>
    <message>
        <source>Pack into package {n} — &amp;scan:</source>
        <translation>Embalar en el bulto {n} — e&amp;scanear:</translation>
    </message>
    <message>
        <source>scan a sample label (or a package label)</source>
        <translation>escanee la etiqueta de una muestra (o de un bulto)</translation>
    </message>
    <message>
        <source>Receive — &amp;scan the manifest&apos;s QR:</source>
        <translation>Recibir — e&amp;scanee el QR del manifiesto:</translation>
    </message>
    <message>
        <source>the QR code on the manifest&apos;s first page</source>
        <translation>el código QR de la primera página del manifiesto</translation>
    </message>
</context>
<context>
    <name>ShipmentDetailsDialog</name>
    <message>
        <source>New shipment</source>
        <extracomment>Offered in the transport mode combo (free text is accepted too).</extracomment>
        <translation>Nuevo envío</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Crear</translation>
    </message>
    <message>
        <source>Edit shipment {number}</source>
        <translation>Editar el envío {number}</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>e.g. DHL Express</source>
        <translation>p. ej. DHL Express</translation>
    </message>
    <message>
        <source>e.g. AWB 172-55310842</source>
        <translation>p. ej. AWB 172-55310842</translation>
    </message>
    <message>
        <source>e.g. ambient temperature, keep dry, potent opioid: do not open</source>
        <translation>p. ej. temperatura ambiente, mantener seco, opioide potente: no abrir</translation>
    </message>
    <message>
        <source>C&amp;onsignee:</source>
        <translation>D&amp;estinatario:</translation>
    </message>
    <message>
        <source>&amp;Carrier:</source>
        <translation>&amp;Transportista:</translation>
    </message>
    <message>
        <source>Air &amp;waybill / tracking:</source>
        <translation>Guía &amp;aérea / rastreo:</translation>
    </message>
    <message>
        <source>Transport &amp;mode:</source>
        <translation>&amp;Modo de transporte:</translation>
    </message>
    <message>
        <source>Con&amp;ditions:</source>
        <translation>Con&amp;diciones:</translation>
    </message>
    <message>
        <source>There are no consignees yet. A supervisor adds the DEA laboratories with `custody-cli consignee defaults`.</source>
        <translation>Aún no hay destinatarios. Un supervisor agrega los laboratorios de la DEA con `custody-cli consignee defaults`.</translation>
    </message>
    <message>
        <source>Choose the consignee laboratory.</source>
        <translation>Elija el laboratorio destinatario.</translation>
    </message>
</context>
<context>
    <name>ShipmentTableModel</name>
    <message>
        <source>Manifest</source>
        <translation>Manifiesto</translation>
    </message>
    <message>
        <source>Rev.</source>
        <translation>Rev.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transportista</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>Guía</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Muestras</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creación</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Despacho</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>No manifest yet: it is issued when a supervisor approves.</source>
        <translation>Aún sin manifiesto: se emite cuando un supervisor aprueba.</translation>
    </message>
    <message>
        <source>Not closed yet</source>
        <translation>Aún sin cerrar</translation>
    </message>
    <message>
        <source>Closed with unresolved discrepancies (a reason was recorded)</source>
        <translation>Cerrado con discrepancias sin resolver (se registró un motivo)</translation>
    </message>
    <message>
        <source>Closed with every discrepancy resolved</source>
        <translation>Cerrado con todas las discrepancias resueltas</translation>
    </message>
</context>
<context>
    <name>ShipmentsView</name>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Status filte&amp;r:</source>
        <translation>Fil&amp;tro de estado:</translation>
    </message>
    <message>
        <source>&amp;New shipment…</source>
        <translation>&amp;Nuevo envío…</translation>
    </message>
    <message>
        <source>Create a shipment (Ctrl+N)</source>
        <translation>Crear un envío (Ctrl+N)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Read the shipments again (F5)</source>
        <translation>Volver a leer los envíos (F5)</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Custody</translation>
    </message>
    <message>
        <source>This workstation has no label key; ask IT to install it.</source>
        <translation>Esta estación no tiene la clave de etiquetas; pida a TI que la instale.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Custody — Sign in</source>
        <translation>Custody — Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in to {lab}</source>
        <translation>Iniciar sesión en {lab}</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
</context>
<context>
    <name>SubsampleStep</name>
    <message>
        <source>Sub-sample</source>
        <translation>Submuestra</translation>
    </message>
    <message>
        <source>&amp;Open it…</source>
        <translation>&amp;Abrirla…</translation>
    </message>
    <message>
        <source>D&amp;raw this sub-sample</source>
        <translation>E&amp;xtraer esta submuestra</translation>
    </message>
    <message>
        <source>Draw from sample (&amp;ID):</source>
        <translation>Extraer de la muestra (&amp;ID):</translation>
    </message>
    <message>
        <source>Optional. Leave the form empty and press Next to skip.</source>
        <translation>Opcional. Deje el formulario vacío y presione Siguiente para omitirlo.</translation>
    </message>
    <message>
        <source>Sub-samples drawn in this intake:</source>
        <translation>Submuestras extraídas en este ingreso:</translation>
    </message>
    <message>
        <source>Open {code} first: a sub-sample is drawn from an opened sample.</source>
        <translation>Abra primero {code}: una submuestra se extrae de una muestra abierta.</translation>
    </message>
    <message>
        <source>&amp;Next ›</source>
        <translation>&amp;Siguiente ›</translation>
    </message>
    <message>
        <source>Draw sub-sample &amp;&amp; &amp;next ›</source>
        <translation>Extraer submuestra y &amp;siguiente ›</translation>
    </message>
    <message>
        <source>Enter or scan the ID of the sample to draw from.</source>
        <translation>Escriba o escanee el ID de la muestra de la que se extrae.</translation>
    </message>
    <message>
        <source>{code} — {weight} g from {parent} ({left} g left)</source>
        <translation>{code} — {weight} g de {parent} (quedan {left} g)</translation>
    </message>
    <message>
        <source>{code}: {status}, {weight} g, held by {holder}.</source>
        <translation>{code}: {status}, {weight} g, en poder de {holder}.</translation>
    </message>
    <message>
        <source>nobody (in storage)</source>
        <translation>nadie (almacenada)</translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <source>The first supervisor</source>
        <translation>El primer supervisor</translation>
    </message>
    <message>
        <source>The supervisor manages users, storage and settings. Choose a long passphrase: a few unrelated words, at least 15 characters.</source>
        <translation>El supervisor administra usuarios, almacenamiento y configuración. Elija una frase de contraseña larga: unas cuantas palabras sin relación, de al menos 15 caracteres.</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nombre &amp;completo:</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Institución:</translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation>Pu&amp;esto:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>The user name must be 1–64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (no spaces).</source>
        <translation>El nombre de usuario debe tener de 1 a 64 letras, dígitos, «.», «_» o «-» (sin espacios).</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Time ({zone})</source>
        <translation>Hora ({zone})</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <source>Seals</source>
        <translation>Sellos</translation>
    </message>
    <message>
        <source>Weight (g)</source>
        <translation>Peso (g)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Signature means</source>
        <translation>Significado de la firma</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Correction of event #{id}</source>
        <translation>Corrección del evento n.º {id}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motivo: {reason}</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>íntegro</translation>
    </message>
    <message>
        <source>NOT intact</source>
        <translation>NO íntegro</translation>
    </message>
    <message>
        <source>{local} {zone} ({offset}) = {utc} UTC
recorded by {who} at {where}; {auth}</source>
        <translation>{local} {zone} ({offset}) = {utc} UTC
registrado por {who} en {where}; {auth}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Custody — Locked</source>
        <translation>Custody — Bloqueado</translation>
    </message>
    <message>
        <source>This session is locked</source>
        <translation>Esta sesión está bloqueada</translation>
    </message>
    <message>
        <source>{name} ({user}) is signed in. Enter your password to continue; everything you were doing is kept as it was.</source>
        <translation>{name} ({user}) tiene la sesión iniciada. Escriba su contraseña para continuar; todo lo que estaba haciendo se conserva tal como estaba.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Not you? Sign out closes Custody; unsaved input is lost.</source>
        <translation>¿No es usted? Cerrar sesión cierra Custody; lo capturado sin guardar se pierde.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
</context>
<context>
    <name>UserAccountDialog</name>
    <message>
        <source>Add user</source>
        <translation>Agregar usuario</translation>
    </message>
    <message>
        <source>New passphrase for {user}</source>
        <translation>Nueva frase de contraseña para {user}</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nombre &amp;completo:</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Institución:</translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation>Pu&amp;esto:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>C&amp;onfirmar:</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Agregar usuario</translation>
    </message>
    <message>
        <source>&amp;Set passphrase</source>
        <translation>Es&amp;tablecer frase de contraseña</translation>
    </message>
    <message>
        <source>At least {n} characters; a few unrelated words work well. No common phrases, and not the user name.</source>
        <translation>Al menos {n} caracteres; unas cuantas palabras sin relación funcionan bien. Sin frases comunes ni el nombre de usuario.</translation>
    </message>
    <message>
        <source>The passphrase is good; type it again to confirm.</source>
        <translation>La frase de contraseña es buena; escríbala de nuevo para confirmarla.</translation>
    </message>
    <message>
        <source>The passphrase is good and confirmed.</source>
        <translation>La frase de contraseña es buena y está confirmada.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqueada</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>A&amp;gregar usuario…</translation>
    </message>
    <message>
        <source>&amp;Reset passphrase…</source>
        <translation>&amp;Restablecer frase de contraseña…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>Desac&amp;tivar</translation>
    </message>
    <message>
        <source>Only a supervisor manages user accounts.</source>
        <translation>Solo un supervisor administra las cuentas de usuario.</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Reac&amp;tivar</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>User {user} added.</source>
        <translation>Usuario {user} agregado.</translation>
    </message>
    <message>
        <source>New passphrase set for {user}.</source>
        <translation>Nueva frase de contraseña establecida para {user}.</translation>
    </message>
    <message>
        <source>{user} is deactivated and can no longer sign in.</source>
        <translation>La cuenta {user} está desactivada; ya no puede iniciar sesión.</translation>
    </message>
    <message>
        <source>{user} is unlocked.</source>
        <translation>La cuenta {user} está desbloqueada.</translation>
    </message>
    <message>
        <source>{user} is active again.</source>
        <translation>La cuenta {user} está activa de nuevo.</translation>
    </message>
</context>
<context>
    <name>VerifyResultCard</name>
    <message>
        <source>Cop&amp;y result</source>
        <translation>Cop&amp;iar resultado</translation>
    </message>
    <message>
        <source>Verifying the journal…</source>
        <translation>Verificando la bitácora…</translation>
    </message>
    <message>
        <source>Verification cancelled: nothing was concluded.</source>
        <translation>Verificación cancelada: no se concluyó nada.</translation>
    </message>
    <message>
        <source>Verification could not run</source>
        <translation>No se pudo ejecutar la verificación</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>Journal entries checked</source>
        <translation>Entradas de la bitácora revisadas</translation>
    </message>
    <message>
        <source>The journal was altered: its hash chain breaks at entry {seq}</source>
        <translation>La bitácora fue alterada: su cadena de hashes se rompe en la entrada {seq}</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Records compared</source>
        <translation>Registros comparados</translation>
    </message>
    <message>
        <source>Head hash</source>
        <translation>Hash final</translation>
    </message>
    <message>
        <source>The journal is intact</source>
        <translation>La bitácora está íntegra</translation>
    </message>
    <message>
        <source>A record does not match the journal: {table} #{key}</source>
        <translation>Un registro no coincide con la bitácora: {table} n.º {key}</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>(the whole row)</source>
        <translation>(la fila completa)</translation>
    </message>
    <message>
        <source>Journal says</source>
        <translation>La bitácora dice</translation>
    </message>
    <message>
        <source>Table holds</source>
        <translation>La tabla contiene</translation>
    </message>
    <message>
        <source>Last journal entry touching it</source>
        <translation>Última entrada de la bitácora que lo modificó</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Qué significa</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>&amp;Show entry {seq}</source>
        <translation>&amp;Mostrar la entrada {seq}</translation>
    </message>
</context>
<context>
    <name>WorkstationTab</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>(ask each time)</source>
        <translation>(preguntar cada vez)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>These settings belong to this computer only; Custody reads them when it starts, so a change is used from the next start.</source>
        <translation>Esta configuración pertenece solo a esta computadora; Custody la lee al iniciar, así que un cambio se usa a partir del siguiente inicio.</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Bloquear tras inactividad:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Default &amp;printer:</source>
        <translation>Impresora &amp;predeterminada:</translation>
    </message>
    <message>
        <source>Default label stoc&amp;k:</source>
        <translation>&amp;Formato de etiqueta predeterminado:</translation>
    </message>
    <message>
        <source>Lock the session after this many minutes without input (CJIS: at most 30).</source>
        <translation>Bloquear la sesión tras estos minutos sin actividad (CJIS: 30 como máximo).</translation>
    </message>
    <message>
        <source>Saved; used from the next start of Custody.</source>
        <translation>Guardado; se aplica la próxima vez que se inicie Custody.</translation>
    </message>
    <message>
        <source>Custody will then be in {language}.</source>
        <translation>Custody estará entonces en {language}.</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <source>Custody is locked: enter your password to continue.</source>
        <translation>Custody está bloqueado: escriba su contraseña para continuar.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>This is a throwaway demo database: it is deleted when Custody closes.</source>
        <translation>Esta es una base de datos de demostración desechable: se borra al cerrar Custody.</translation>
    </message>
    <message>
        <source>Demo accounts (user name / password):</source>
        <translation>Cuentas de demostración (usuario / contraseña):</translation>
    </message>
    <message>
        <source>Preparing a demo database with four seizures…</source>
        <translation>Preparando una base de datos de demostración con cuatro aseguramientos…</translation>
    </message>
    <message>
        <source>Custody — Database problem</source>
        <translation>Custody — Problema con la base de datos</translation>
    </message>
</context>
<context>
    <name>events</name>
    <message>
        <source>Collected</source>
        <translation>Recolectada</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>Sellada</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Almacenada</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>Opened (seal broken)</source>
        <translation>Abierta (sello roto)</translation>
    </message>
    <message>
        <source>Sub-sample drawn</source>
        <translation>Submuestra extraída</translation>
    </message>
    <message>
        <source>Resealed</source>
        <translation>Resellada</translation>
    </message>
    <message>
        <source>Re-weighed</source>
        <translation>Vuelta a pesar</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Embalada</translation>
    </message>
    <message>
        <source>Unpacked</source>
        <translation>Desembalada</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devuelta</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>Destruida</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Corrección</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Registered</source>
        <translation>Registrada</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>Sellada</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Almacenada</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Embalada</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>En tránsito</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devuelta</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>Destruida</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Evidence clerk</source>
        <translation>Encargado de evidencia</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sitio</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Bóveda</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>Anaquel</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Caja</translation>
    </message>
    <message>
        <source>Thermal 2&quot;×1&quot; (203 dpi)</source>
        <extracomment>The titles of the label stocks (custody.domain.label_templates), for lupdate; a title not listed here is shown as the template has it.</extracomment>
        <translation>Térmica 2&quot;×1&quot; (203 dpi)</translation>
    </message>
    <message>
        <source>Thermal 2&quot;×1&quot; (300 dpi)</source>
        <translation>Térmica 2&quot;×1&quot; (300 dpi)</translation>
    </message>
    <message>
        <source>Package 4&quot;×2&quot; (203 dpi)</source>
        <translation>Bulto 4&quot;×2&quot; (203 dpi)</translation>
    </message>
    <message>
        <source>Outer shipment 4&quot;×6&quot; (203 dpi)</source>
        <translation>Envío exterior 4&quot;×6&quot; (203 dpi)</translation>
    </message>
    <message>
        <source>Letter, 30 labels 1&quot;×2⅝&quot; (Avery 5160)</source>
        <translation>Carta, 30 etiquetas 1&quot;×2⅝&quot; (Avery 5160)</translation>
    </message>
    <message>
        <source>A4, 21 labels 63.5×38.1 mm</source>
        <translation>A4, 21 etiquetas 63.5×38.1 mm</translation>
    </message>
    <message>
        <source>Powder</source>
        <translation>Polvo</translation>
    </message>
    <message>
        <source>Tablets</source>
        <translation>Tabletas</translation>
    </message>
    <message>
        <source>Liquid</source>
        <translation>Líquido</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>Parche</translation>
    </message>
    <message>
        <source>Plant material</source>
        <translation>Material vegetal</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>none — ask IT to install the printer</source>
        <translation>ninguna — pida a TI que instale la impresora</translation>
    </message>
    <message>
        <source>There is no printer called {name} on this computer. Available printers: {listed}.</source>
        <translation>No hay ninguna impresora llamada {name} en esta computadora. Impresoras disponibles: {listed}.</translation>
    </message>
    <message>
        <source>The printer {name} refused the label page size.</source>
        <translation>La impresora {name} rechazó el tamaño de página de la etiqueta.</translation>
    </message>
    <message>
        <source>The printer {name} would print on a {got} pt page instead of {wanted} pt; labels would be out of place.</source>
        <translation>La impresora {name} imprimiría en una página de {got} pt en lugar de {wanted} pt; las etiquetas quedarían fuera de lugar.</translation>
    </message>
    <message>
        <source>Printing needs the pypdfium2 package, which is not installed.</source>
        <translation>Para imprimir se necesita el paquete pypdfium2, que no está instalado.</translation>
    </message>
    <message>
        <source>Invalid label page size {size} pt.</source>
        <translation>Tamaño de página de etiqueta no válido: {size} pt.</translation>
    </message>
    <message>
        <source>{file} has no pages to print.</source>
        <translation>{file} no tiene páginas que imprimir.</translation>
    </message>
    <message>
        <source>Page {page} of {file} is {size} pt, not the label page {wanted} pt; it would not print at true scale.</source>
        <translation>La página {page} de {file} mide {size} pt, no los {wanted} pt de la etiqueta; no se imprimiría a escala real.</translation>
    </message>
    <message>
        <source>Could not start a print job on {name}.</source>
        <translation>No se pudo iniciar un trabajo de impresión en {name}.</translation>
    </message>
    <message>
        <source>The printer {name} refused page {page}.</source>
        <translation>La impresora {name} rechazó la página {page}.</translation>
    </message>
</context>
<context>
    <name>reconcile</name>
    <message>
        <source>Missing</source>
        <translation>Faltante</translation>
    </message>
    <message>
        <source>Package not scanned</source>
        <translation>Bulto no escaneado</translation>
    </message>
    <message>
        <source>Not on the manifest</source>
        <translation>No está en el manifiesto</translation>
    </message>
    <message>
        <source>Scanned twice</source>
        <translation>Escaneado dos veces</translation>
    </message>
    <message>
        <source>Seal broken</source>
        <translation>Sello roto</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
</context>
<context>
    <name>shipments</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>En embalaje</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Despachado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation>Conciliado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
</TS>
