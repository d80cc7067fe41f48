<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>Message</name>
    <message>
        <source>&apos;{event}&apos; does not change a sample&apos;s status</source>
        <translation>&apos;{event}&apos; no cambia el estado de una muestra</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a database URL.</source>
        <translation>&apos;{url}&apos; no es una URL de base de datos.</translation>
    </message>
    <message>
        <source>&apos;{zone}&apos; is not a time zone name; use an IANA name such as {example}.</source>
        <translation>&apos;{zone}&apos; no es el nombre de una zona horaria; use un nombre IANA como {example}.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>A label for this {description} was printed already (serial {serial}); a reprint needs a reason, and it voids the earlier label.</source>
        <translation>Ya se imprimió una etiqueta de {description} para este registro (serie {serial}); una reimpresión necesita un motivo y anula la etiqueta anterior.</translation>
    </message>
    <message>
        <source>A label key exists already at {path}; it is never replaced.</source>
        <translation>Ya existe una llave de etiquetas en {path}; nunca se reemplaza.</translation>
    </message>
    <message>
        <source>A location code is 1–64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, e.g. VAULT-A-S2-B05.</source>
        <translation>Un código de ubicación tiene de 1 a 64 letras, dígitos, &apos;-&apos;, &apos;_&apos; o &apos;.&apos;, p. ej. VAULT-A-S2-B05.</translation>
    </message>
    <message>
        <source>A package needs at least one outer seal number.</source>
        <translation>Un bulto necesita al menos un número de sello exterior.</translation>
    </message>
    <message>
        <source>A sample cannot be handed over to yourself.</source>
        <translation>No puede entregarse una muestra a usted mismo.</translation>
    </message>
    <message>
        <source>A signing key exists already at {path}; it is never replaced.</source>
        <translation>Ya existe una llave de firma en {path}; nunca se reemplaza.</translation>
    </message>
    <message>
        <source>A time filter needs a time zone.</source>
        <translation>Un filtro de fecha y hora necesita una zona horaria.</translation>
    </message>
    <message>
        <source>A {description} label cannot be used to {context}; scan a {wanted} label.</source>
        <translation>Una etiqueta de {description} no se puede usar para {context}; escanee una etiqueta de {wanted}.</translation>
    </message>
    <message>
        <source>Cannot print a negative number of labels ({count}).</source>
        <translation>No se puede imprimir un número negativo de etiquetas ({count}).</translation>
    </message>
    <message>
        <source>Cannot {action}: the sample is {status} (it must be {needed}). Allowed now: {allowed}.</source>
        <translation>No se puede {action}: la muestra está en estado {status} (debe estar en estado {needed}). Permitido ahora: {allowed}.</translation>
    </message>
    <message>
        <source>Cannot {action}: the sample was {status}; no further custody actions are possible.</source>
        <translation>No se puede {action}: la muestra quedó en estado {status}; ya no es posible ninguna acción de custodia.</translation>
    </message>
    <message>
        <source>Cannot {doing}: shipment {shipment} is {status} (it must be {wanted}).</source>
        <translation>No se puede {doing}: el envío {shipment} está en estado {status} (debe estar en estado {wanted}).</translation>
    </message>
    <message>
        <source>Case {number} is registered already.</source>
        <translation>El caso {number} ya está registrado.</translation>
    </message>
    <message>
        <source>Check that the scanner is connected and the cursor is in the test field.</source>
        <translation>Verifique que el escáner esté conectado y que el cursor esté en el campo de prueba.</translation>
    </message>
    <message>
        <source>Check the scanner&apos;s keyboard language and the OS layout, then scan the test label again; if it persists, reset the scanner to factory defaults.</source>
        <translation>Revise el idioma de teclado del escáner y la distribución del teclado del sistema operativo, y escanee de nuevo la etiqueta de prueba; si persiste, restablezca el escáner a los valores de fábrica.</translation>
    </message>
    <message>
        <source>Configure the scanner to send Enter (CR) after each scan.</source>
        <translation>Configure el escáner para que envíe Enter (CR) después de cada lectura.</translation>
    </message>
    <message>
        <source>Correct the original event, not a correction.</source>
        <translation>Corrija el evento original, no una corrección.</translation>
    </message>
    <message>
        <source>Could not reach the label printer at {where}: {reason}</source>
        <translation>No se pudo conectar con la impresora de etiquetas en {where}: {reason}</translation>
    </message>
    <message>
        <source>DEA file number</source>
        <translation>número de expediente de la DEA</translation>
    </message>
    <message>
        <source>DIVERGED: a record does not match what the journal says it should be.</source>
        <translation>DIVERGENTE: un registro no coincide con lo que la bitácora indica que debería ser.</translation>
    </message>
    <message>
        <source>Digits arrived as AZERTY symbols (&amp; for 1, é for 2, …) and A/Q, Z/W swapped: {scan}.</source>
        <translation>Los dígitos llegaron como símbolos AZERTY (&amp; por 1, é por 2, …) y con A/Q, Z/W intercambiadas: {scan}.</translation>
    </message>
    <message>
        <source>Discrepancy #{id} was resolved already: {resolution}</source>
        <translation>La discrepancia #{id} ya fue resuelta: {resolution}</translation>
    </message>
    <message>
        <source>German QWERTZ layout: set the scanner&apos;s keyboard language to German (DE), or the OS layout to US/ES.</source>
        <translation>Distribución alemana QWERTZ: configure el idioma de teclado del escáner en alemán (DE), o la distribución del sistema operativo en US/ES.</translation>
    </message>
    <message>
        <source>INTACT: the hash chain is unbroken and every record matches the journal.</source>
        <translation>ÍNTEGRA: la cadena de hashes no tiene rupturas y cada registro coincide con la bitácora.</translation>
    </message>
    <message>
        <source>Label index {index} is outside 0..{last} for {template}.</source>
        <translation>El índice de etiqueta {index} está fuera de 0..{last} para {template}.</translation>
    </message>
    <message>
        <source>Letters arrived in lower case: {scan}.</source>
        <translation>Las letras llegaron en minúsculas: {scan}.</translation>
    </message>
    <message>
        <source>Manifest line numbers must run 1, 2, 3… in order; line {expected} is numbered {line} ({sample}).</source>
        <translation>Los números de línea del manifiesto deben ir 1, 2, 3… en orden; la línea {expected} tiene el número {line} ({sample}).</translation>
    </message>
    <message>
        <source>No characters arrived from the scanner.</source>
        <translation>No llegó ningún carácter del escáner.</translation>
    </message>
    <message>
        <source>No partner key is registered for {origin}, so its bundles cannot be checked. A supervisor must add that lab&apos;s public key (`partner add`) after confirming its fingerprint with the lab by phone or letter; this bundle says it is signed by key {fingerprint}.</source>
        <translation>No hay ninguna llave de laboratorio socio registrada para {origin}, así que sus paquetes de exportación no se pueden verificar. Un supervisor debe agregar la llave pública de ese laboratorio (`partner add`) tras confirmar su huella con el laboratorio por teléfono o por carta; este paquete de exportación indica que está firmado con la llave {fingerprint}.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>No hay nada que cambiar.</translation>
    </message>
    <message>
        <source>Nothing to correct: the values are the same as recorded.</source>
        <translation>No hay nada que corregir: los valores son los mismos que los registrados.</translation>
    </message>
    <message>
        <source>Nothing to print.</source>
        <translation>No hay nada que imprimir.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <source>Only JPEG and PNG photographs can be attached.</source>
        <translation>Solo se pueden adjuntar fotografías JPEG y PNG.</translation>
    </message>
    <message>
        <source>Only the person who recorded an event or a supervisor may correct it.</source>
        <translation>Solo quien registró un evento o un supervisor puede corregirlo.</translation>
    </message>
    <message>
        <source>Only these event fields can be corrected: {fields}.</source>
        <translation>Solo se pueden corregir estos campos del evento: {fields}.</translation>
    </message>
    <message>
        <source>Only these fields can be corrected: {fields}.</source>
        <translation>Solo se pueden corregir estos campos: {fields}.</translation>
    </message>
    <message>
        <source>Only these fields can be corrected: {fields}. Not: {unknown}.</source>
        <translation>Solo se pueden corregir estos campos: {fields}. No: {unknown}.</translation>
    </message>
    <message>
        <source>Package {number} received.</source>
        <translation>Bulto {number} recibido.</translation>
    </message>
    <message>
        <source>Package {number} was scanned already.</source>
        <translation>El bulto {number} ya fue escaneado.</translation>
    </message>
    <message>
        <source>Printing to {queue} needs the print service&apos;s &apos;{command}&apos; command, which is not installed on this computer (Debian: apt-get install cups-client). Ask IT.</source>
        <translation>Para imprimir en {queue} se necesita el comando &apos;{command}&apos; del servicio de impresión, que no está instalado en esta computadora (Debian: apt-get install cups-client). Consulte a TI.</translation>
    </message>
    <message>
        <source>QR code: {modules} modules + quiet zone need a {need} pt box at {dpi} dpi ({dots} dots/module); the box is {side} pt.</source>
        <translation>Código QR: {modules} módulos más la zona de silencio necesitan un recuadro de {need} pt a {dpi} ppp ({dots} puntos por módulo); el recuadro mide {side} pt.</translation>
    </message>
    <message>
        <source>RCC reference</source>
        <translation>referencia del RCC</translation>
    </message>
    <message>
        <source>Remove the scanner&apos;s prefix/suffix or configure it in Custody.</source>
        <translation>Quite el prefijo o sufijo del escáner, o configúrelo en Custody.</translation>
    </message>
    <message>
        <source>Revision {revision} can only be superseded by a later revision, not by {later}.</source>
        <translation>La revisión {revision} solo puede ser sustituida por una revisión posterior, no por la {later}.</translation>
    </message>
    <message>
        <source>Sample {code} exists here already.</source>
        <translation>La muestra {code} ya existe aquí.</translation>
    </message>
    <message>
        <source>Say why the sample is taken out of the shipment.</source>
        <translation>Indique por qué se saca la muestra del envío.</translation>
    </message>
    <message>
        <source>Scan a sample or package label of this shipment.</source>
        <translation>Escanee una etiqueta de muestra o de bulto de este envío.</translation>
    </message>
    <message>
        <source>Scan refused: {reason}</source>
        <translation>Lectura rechazada: {reason}</translation>
    </message>
    <message>
        <source>Scan the QR code on the manifest&apos;s first page to start the receipt.</source>
        <translation>Escanee el código QR de la primera página del manifiesto de traslado para iniciar la recepción.</translation>
    </message>
    <message>
        <source>Seal number {code} has been used already; every seal number is used once.</source>
        <translation>El número de sello {code} ya se usó; cada número de sello se usa una sola vez.</translation>
    </message>
    <message>
        <source>Seal number {serial} is used here already; seal numbers are unique, so the shipment cannot be imported. Ask a supervisor.</source>
        <translation>El número de sello {serial} ya se usa aquí; los números de sello son únicos, así que el envío no se puede importar. Consulte a un supervisor.</translation>
    </message>
    <message>
        <source>Sending to the label printer at {where} failed: {reason} Labels may be incomplete; print them again.</source>
        <translation>Falló el envío a la impresora de etiquetas en {where}: {reason} Las etiquetas pueden estar incompletas; imprímalas de nuevo.</translation>
    </message>
    <message>
        <source>Serial(s) {serials} were journaled but {what}; print them again as a reprint with a reason.</source>
        <translation>Las series {serials} se registraron en la bitácora, pero {what}; imprímalas de nuevo como reimpresión, con un motivo.</translation>
    </message>
    <message>
        <source>Set the scanner&apos;s keyboard language to match the computer&apos;s layout (FR/BE AZERTY), or the OS layout to US/ES.</source>
        <translation>Configure el idioma de teclado del escáner igual que la distribución de la computadora (FR/BE AZERTY), o la distribución del sistema operativo en US/ES.</translation>
    </message>
    <message>
        <source>Set {variable} to the label key file shared by this lab&apos;s workstations.</source>
        <translation>Asigne a {variable} el archivo de la llave de etiquetas que comparten las estaciones de trabajo de este laboratorio.</translation>
    </message>
    <message>
        <source>Set {variable} to the signing key file shared by this lab&apos;s workstations.</source>
        <translation>Asigne a {variable} el archivo de la llave de firma que comparten las estaciones de trabajo de este laboratorio.</translation>
    </message>
    <message>
        <source>Shipment #{id} has no package {package}.</source>
        <translation>El envío #{id} no tiene el bulto {package}.</translation>
    </message>
    <message>
        <source>Shipment {number} came from {origin}: only the lab that shipped it exports its bundle.</source>
        <translation>El envío {number} provino de {origin}: solo el laboratorio que lo envió genera su paquete de exportación.</translation>
    </message>
    <message>
        <source>Shipment {number} exists here already.</source>
        <translation>El envío {number} ya existe aquí.</translation>
    </message>
    <message>
        <source>Shipment {number} is {status}: its bundle can be exported once its manifest is issued (the shipment must be {wanted}).</source>
        <translation>El envío {number} está en estado {status}: su paquete de exportación se puede generar una vez emitido su manifiesto (el envío debe estar en estado {wanted}).</translation>
    </message>
    <message>
        <source>Shipment {shipment} cannot be approved yet: it needs {missing}.</source>
        <translation>El envío {shipment} todavía no se puede aprobar: le falta {missing}.</translation>
    </message>
    <message>
        <source>Shipment {shipment} cannot be closed as clean: {count} discrepancy(ies) are unresolved. Resolve them, or close it as not clean with a reason.</source>
        <translation>El envío {shipment} no se puede cerrar sin discrepancias: hay {count} discrepancia(s) sin resolver. Resuélvalas, o ciérrelo con discrepancias indicando un motivo.</translation>
    </message>
    <message>
        <source>Shipment {shipment} has no manifest revision {revision} (none issued yet).</source>
        <translation>El envío {shipment} no tiene la revisión {revision} del manifiesto (todavía no se ha emitido ninguna).</translation>
    </message>
    <message>
        <source>Shipment {shipment} has no manifest revision {revision} (revisions 1–{issued} exist).</source>
        <translation>El envío {shipment} no tiene la revisión {revision} del manifiesto (existen las revisiones 1–{issued}).</translation>
    </message>
    <message>
        <source>Shipment {shipment} has no manifest yet: it is issued when a supervisor approves the shipment.</source>
        <translation>El envío {shipment} todavía no tiene manifiesto de traslado: se emite cuando un supervisor aprueba el envío.</translation>
    </message>
    <message>
        <source>Shipment {shipment} has no package {number}.</source>
        <translation>El envío {shipment} no tiene el bulto {number}.</translation>
    </message>
    <message>
        <source>Shipment {shipment} has no package {number}; add it first.</source>
        <translation>El envío {shipment} no tiene el bulto {number}; agréguelo primero.</translation>
    </message>
    <message>
        <source>Shipment {shipment} has no package {package} (it has {total}).</source>
        <translation>El envío {shipment} no tiene el bulto {package} (tiene {total}).</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Primero inicie sesión.</translation>
    </message>
    <message>
        <source>Start position {start} does not exist on {template}: choose 1 to {last}.</source>
        <translation>La posición inicial {start} no existe en {template}: elija de 1 a {last}.</translation>
    </message>
    <message>
        <source>TAMPERED: the journal&apos;s hash chain breaks at entry seq {seq}.</source>
        <translation>ALTERADA: la cadena de hashes de la bitácora se rompe en la entrada seq {seq}.</translation>
    </message>
    <message>
        <source>Template {name}: {problem}</source>
        <translation>Plantilla {name}: {problem}</translation>
    </message>
    <message>
        <source>The account &apos;{username}&apos; is deactivated.</source>
        <translation>La cuenta &apos;{username}&apos; está desactivada.</translation>
    </message>
    <message>
        <source>The account &apos;{username}&apos; is locked after {failures} failed sign-ins; try again in {minutes} min or ask a supervisor.</source>
        <translation>La cuenta &apos;{username}&apos; está bloqueada tras {failures} intentos fallidos de inicio de sesión; intente de nuevo en {minutes} min o consulte a un supervisor.</translation>
    </message>
    <message>
        <source>The backup could not be written: {error}.</source>
        <translation>No se pudo escribir el respaldo: {error}.</translation>
    </message>
    <message>
        <source>The backup failed its integrity check: {check}</source>
        <translation>El respaldo no pasó la verificación de integridad: {check}</translation>
    </message>
    <message>
        <source>The backup file {target} exists already; choose another name.</source>
        <translation>El archivo de respaldo {target} ya existe; elija otro nombre.</translation>
    </message>
    <message>
        <source>The backup folder {parent} does not exist.</source>
        <translation>La carpeta de respaldo {parent} no existe.</translation>
    </message>
    <message>
        <source>The badge of {name} is no longer valid.</source>
        <translation>El gafete de {name} ya no es válido.</translation>
    </message>
    <message>
        <source>The bundle could not be written to {path}: {error}</source>
        <translation>No se pudo escribir el paquete de exportación en {path}: {error}</translation>
    </message>
    <message>
        <source>The bundle file changed while it was being imported; nothing was imported.</source>
        <translation>El archivo del paquete de exportación cambió mientras se importaba; no se importó nada.</translation>
    </message>
    <message>
        <source>The bundle file {path} cannot be read: {error}</source>
        <translation>No se puede leer el archivo del paquete de exportación {path}: {error}</translation>
    </message>
    <message>
        <source>The bundle is refused: it does not say which lab it comes from.</source>
        <translation>Se rechaza el paquete de exportación: no indica de qué laboratorio proviene.</translation>
    </message>
    <message>
        <source>The bundle is refused: {reason}</source>
        <translation>Se rechaza el paquete de exportación: {reason}</translation>
    </message>
    <message>
        <source>The bundle names samples or a manifest in this lab&apos;s own series {prefix}; it cannot be imported here.</source>
        <translation>El paquete de exportación menciona muestras o un manifiesto de la serie propia de este laboratorio, {prefix}; no se puede importar aquí.</translation>
    </message>
    <message>
        <source>The checkpoint at {size} entries does not match its own tree: the journal was altered. Run verify.</source>
        <translation>El punto de control de {size} entradas no coincide con su propio árbol: la bitácora fue alterada. Ejecute la verificación.</translation>
    </message>
    <message>
        <source>The checkpoint interval must be between {low} and {high} entries.</source>
        <translation>El intervalo de puntos de control debe estar entre {low} y {high} entradas.</translation>
    </message>
    <message>
        <source>The checkpoint over {size} entries is not signed by one of this lab&apos;s keys; it cannot vouch for this journal.</source>
        <translation>El punto de control de {size} entradas no está firmado con una de las llaves de este laboratorio; no puede avalar esta bitácora.</translation>
    </message>
    <message>
        <source>The consignee {name} is archived.</source>
        <translation>El destinatario {name} está archivado.</translation>
    </message>
    <message>
        <source>The database file cannot be opened. Check that the folder exists and is writable.</source>
        <translation>No se puede abrir el archivo de la base de datos. Verifique que la carpeta exista y se pueda escribir en ella.</translation>
    </message>
    <message>
        <source>The database file cannot use write-ahead logging (WAL).</source>
        <translation>El archivo de la base de datos no puede usar el registro por adelantado (WAL).</translation>
    </message>
    <message>
        <source>The database is busy (another workstation is writing). Try again in a moment.</source>
        <translation>La base de datos está ocupada (otra estación de trabajo está escribiendo). Intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The database is read-only here: nothing was saved. Check the file permissions.</source>
        <translation>Aquí la base de datos es de solo lectura: no se guardó nada. Revise los permisos del archivo.</translation>
    </message>
    <message>
        <source>The database reported an error; nothing was saved. ({error})</source>
        <translation>La base de datos informó un error; no se guardó nada. ({error})</translation>
    </message>
    <message>
        <source>The database {path} is on a network or FUSE file system ({what}). SQLite files there get corrupted when their locks fail, so Custody does not open them. Keep the file on a local disk, or let several workstations share one PostgreSQL server (set CUSTODY_DB to its postgresql+psycopg:// URL).</source>
        <translation>La base de datos {path} está en un sistema de archivos de red o FUSE ({what}). Ahí los archivos SQLite se dañan cuando fallan sus bloqueos, por lo que Custody no los abre. Guarde el archivo en un disco local, o haga que varias estaciones de trabajo compartan un servidor PostgreSQL (asigne a CUSTODY_DB su URL postgresql+psycopg://).</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>El disco está lleno: no se guardó nada. Libere espacio e intente de nuevo.</translation>
    </message>
    <message>
        <source>The folder for the bundle does not exist: {parent}</source>
        <translation>La carpeta del paquete de exportación no existe: {parent}</translation>
    </message>
    <message>
        <source>The folder for the database does not exist: {parent}</source>
        <translation>La carpeta de la base de datos no existe: {parent}</translation>
    </message>
    <message>
        <source>The folder for the label key does not exist: {parent}</source>
        <translation>La carpeta de la llave de etiquetas no existe: {parent}</translation>
    </message>
    <message>
        <source>The folder for the signing key does not exist: {parent}</source>
        <translation>La carpeta de la llave de firma no existe: {parent}</translation>
    </message>
    <message>
        <source>The idle lock must be a whole number of minutes from {first} to {last}; {value} is not.</source>
        <translation>El bloqueo por inactividad debe ser un número entero de minutos de {first} a {last}; {value} no lo es.</translation>
    </message>
    <message>
        <source>The idle lock must be between {first} and {last} minutes (CJIS allows at most {last}); {value} is out of range.</source>
        <translation>El bloqueo por inactividad debe estar entre {first} y {last} minutos (CJIS permite como máximo {last}); {value} está fuera de rango.</translation>
    </message>
    <message>
        <source>The journal changed while the bundle was being written (its tree no longer matches checkpoint {size}); nothing was exported. Run verify.</source>
        <translation>La bitácora cambió mientras se escribía el paquete de exportación (su árbol ya no coincide con el punto de control {size}); no se exportó nada. Ejecute la verificación.</translation>
    </message>
    <message>
        <source>The journal is broken at entry {seq} (missing or out of its chain); nothing was exported. Run verify.</source>
        <translation>La bitácora está rota en la entrada {seq} (falta o está fuera de su cadena); no se exportó nada. Ejecute la verificación.</translation>
    </message>
    <message>
        <source>The key file given is not the lab&apos;s current signing key.</source>
        <translation>El archivo de llave indicado no es la llave de firma vigente del laboratorio.</translation>
    </message>
    <message>
        <source>The key {fingerprint} is registered already, for {origin} ({lab}).</source>
        <translation>La llave {fingerprint} ya está registrada, para {origin} ({lab}).</translation>
    </message>
    <message>
        <source>The lab has a signing key already; rotate it instead.</source>
        <translation>El laboratorio ya tiene una llave de firma; en su lugar, rótela.</translation>
    </message>
    <message>
        <source>The lab&apos;s signing key is missing ({path}). Restore it from the backup; without it shipments cannot be approved or exported.</source>
        <translation>Falta la llave de firma del laboratorio ({path}). Restáurela desde el respaldo; sin ella no se pueden aprobar ni exportar envíos.</translation>
    </message>
    <message>
        <source>The label key cannot be read: {error}</source>
        <translation>No se puede leer la llave de etiquetas: {error}</translation>
    </message>
    <message>
        <source>The label key could not be written: {error}</source>
        <translation>No se pudo escribir la llave de etiquetas: {error}</translation>
    </message>
    <message>
        <source>The label key file is not the one manifest {number} was printed with; restore this lab&apos;s label key before exporting.</source>
        <translation>El archivo de la llave de etiquetas no es aquel con el que se imprimió el manifiesto {number}; restaure la llave de etiquetas de este laboratorio antes de exportar.</translation>
    </message>
    <message>
        <source>The label key file {path} is damaged (expected {size} bytes).</source>
        <translation>El archivo de la llave de etiquetas {path} está dañado (se esperaban {size} bytes).</translation>
    </message>
    <message>
        <source>The label key is missing ({path}). Restore it from the backup; without it labels cannot be printed or checked.</source>
        <translation>Falta la llave de etiquetas ({path}). Restáurela desde el respaldo; sin ella no se pueden imprimir ni verificar etiquetas.</translation>
    </message>
    <message>
        <source>The label key {path} is readable by other users; run `chmod 600 {path}`.</source>
        <translation>Otros usuarios pueden leer la llave de etiquetas {path}; ejecute `chmod 600 {path}`.</translation>
    </message>
    <message>
        <source>The label names sample {body}, which is not in this lab&apos;s records.</source>
        <translation>La etiqueta indica la muestra {body}, que no está en los registros de este laboratorio.</translation>
    </message>
    <message>
        <source>The label {payload} is known here already.</source>
        <translation>La etiqueta {payload} ya existe aquí.</translation>
    </message>
    <message>
        <source>The language must be one of {languages}; {value} is not offered.</source>
        <translation>El idioma debe ser uno de {languages}; {value} no está disponible.</translation>
    </message>
    <message>
        <source>The location code {code} exists already.</source>
        <translation>El código de ubicación {code} ya existe.</translation>
    </message>
    <message>
        <source>The location {code} is archived.</source>
        <translation>La ubicación {code} está archivada.</translation>
    </message>
    <message>
        <source>The manifest was scanned already; now scan the containers.</source>
        <translation>El manifiesto de traslado ya fue escaneado; ahora escanee los bultos y las muestras.</translation>
    </message>
    <message>
        <source>The net weight must be more than 0 g.</source>
        <translation>El peso neto debe ser mayor que 0 g.</translation>
    </message>
    <message>
        <source>The net weight {weight} g is above the exhibit&apos;s gross weight {gross} g.</source>
        <translation>El peso neto de {weight} g es mayor que el peso bruto del indicio, {gross} g.</translation>
    </message>
    <message>
        <source>The old signing key could not be moved aside: {error}</source>
        <translation>No se pudo apartar la llave de firma anterior: {error}</translation>
    </message>
    <message>
        <source>The partner&apos;s key file cannot be used: {reason}</source>
        <translation>No se puede usar el archivo de la llave del laboratorio socio: {reason}</translation>
    </message>
    <message>
        <source>The passphrase must be at least {length} characters long (a few unrelated words work well).</source>
        <translation>La frase de contraseña debe tener al menos {length} caracteres (funcionan bien unas cuantas palabras sin relación entre sí).</translation>
    </message>
    <message>
        <source>The passphrase must be at most {length} characters long.</source>
        <translation>La frase de contraseña debe tener como máximo {length} caracteres.</translation>
    </message>
    <message>
        <source>The passphrase must not contain the user name.</source>
        <translation>La frase de contraseña no debe contener el nombre de usuario.</translation>
    </message>
    <message>
        <source>The photograph file is empty.</source>
        <translation>El archivo de la fotografía está vacío.</translation>
    </message>
    <message>
        <source>The photograph is larger than {size} MB.</source>
        <translation>La fotografía pesa más de {size} MB.</translation>
    </message>
    <message>
        <source>The print service (CUPS) is not running on this computer, so nothing can be printed to {queue}. Ask IT to start it.</source>
        <translation>El servicio de impresión (CUPS) no está en ejecución en esta computadora, así que no se puede imprimir nada en {queue}. Pida a TI que lo inicie.</translation>
    </message>
    <message>
        <source>The print service did not answer within {seconds} s, so nothing was sent to {queue}. Is CUPS running? Try again, or ask IT.</source>
        <translation>El servicio de impresión no respondió en {seconds} s, así que no se envió nada a {queue}. ¿Está en ejecución CUPS? Intente de nuevo o consulte a TI.</translation>
    </message>
    <message>
        <source>The print service&apos;s &apos;{command}&apos; command could not run: {error}. Ask IT.</source>
        <translation>No se pudo ejecutar el comando &apos;{command}&apos; del servicio de impresión: {error}. Consulte a TI.</translation>
    </message>
    <message>
        <source>The printer {queue} did not take the job: {detail}.</source>
        <translation>La impresora {queue} no aceptó el trabajo: {detail}.</translation>
    </message>
    <message>
        <source>The printer {queue} is not accepting jobs ({why}). Let it accept them again (cupsaccept {queue}), then print again.</source>
        <translation>La impresora {queue} no está aceptando trabajos ({why}). Haga que vuelva a aceptarlos (cupsaccept {queue}) e imprima de nuevo.</translation>
    </message>
    <message>
        <source>The printer {queue} is not accepting jobs. Let it accept them again (cupsaccept {queue}), then print again.</source>
        <translation>La impresora {queue} no está aceptando trabajos. Haga que vuelva a aceptarlos (cupsaccept {queue}) e imprima de nuevo.</translation>
    </message>
    <message>
        <source>The printer {queue} is paused in the print service ({why}). Resume it (cupsenable {queue}), then print again.</source>
        <translation>La impresora {queue} está en pausa en el servicio de impresión ({why}). Reanúdela (cupsenable {queue}) e imprima de nuevo.</translation>
    </message>
    <message>
        <source>The printer {queue} is paused in the print service. Resume it (cupsenable {queue}), then print again.</source>
        <translation>La impresora {queue} está en pausa en el servicio de impresión. Reanúdela (cupsenable {queue}) e imprima de nuevo.</translation>
    </message>
    <message>
        <source>The same outer seal number was given twice.</source>
        <translation>Se indicó dos veces el mismo número de sello exterior.</translation>
    </message>
    <message>
        <source>The scan arrived intact.</source>
        <translation>La lectura llegó íntegra.</translation>
    </message>
    <message>
        <source>The scan did not end with Enter (CR/LF) as a suffix.</source>
        <translation>La lectura no terminó con Enter (CR/LF) como sufijo.</translation>
    </message>
    <message>
        <source>The scan differs from the label at position {position}: got {got}, expected {want} ({received} characters received, {expected} expected).</source>
        <translation>La lectura difiere de la etiqueta en la posición {position}: llegó {got}, se esperaba {want} ({received} caracteres recibidos, {expected} esperados).</translation>
    </message>
    <message>
        <source>The scanner added a prefix {prefix} and a suffix {suffix}.</source>
        <translation>El escáner agregó un prefijo {prefix} y un sufijo {suffix}.</translation>
    </message>
    <message>
        <source>The scanner added a prefix {prefix}.</source>
        <translation>El escáner agregó un prefijo {prefix}.</translation>
    </message>
    <message>
        <source>The scanner added a suffix {suffix}.</source>
        <translation>El escáner agregó un sufijo {suffix}.</translation>
    </message>
    <message>
        <source>The scanner self-test label does not fit on {template}.</source>
        <translation>La etiqueta de autoprueba del escáner no cabe en {template}.</translation>
    </message>
    <message>
        <source>The scanner sends keys too fast: increase the inter-character delay in its settings.</source>
        <translation>El escáner envía las teclas demasiado rápido: aumente el retardo entre caracteres en su configuración.</translation>
    </message>
    <message>
        <source>The seizure time is in the future.</source>
        <translation>La hora del aseguramiento está en el futuro.</translation>
    </message>
    <message>
        <source>The seizure time needs its time zone.</source>
        <translation>La hora del aseguramiento necesita su zona horaria.</translation>
    </message>
    <message>
        <source>The settings could not be saved to {path}: {error}</source>
        <translation>No se pudo guardar la configuración en {path}: {error}</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read ({error}); using the defaults.</source>
        <translation>No se puede leer el archivo de configuración {path} ({error}); se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source>The signing key cannot be read: {error}</source>
        <translation>No se puede leer la llave de firma: {error}</translation>
    </message>
    <message>
        <source>The signing key could not be written: {error}</source>
        <translation>No se pudo escribir la llave de firma: {error}</translation>
    </message>
    <message>
        <source>The signing key file (fingerprint {fingerprint}) is not the lab&apos;s current signing key; restore the right file or ask a supervisor.</source>
        <translation>El archivo de la llave de firma (huella {fingerprint}) no es la llave de firma vigente del laboratorio; restaure el archivo correcto o consulte a un supervisor.</translation>
    </message>
    <message>
        <source>The signing key file {path} is damaged.</source>
        <translation>El archivo de la llave de firma {path} está dañado.</translation>
    </message>
    <message>
        <source>The signing key {path} is readable by other users; run `chmod 600 {path}`.</source>
        <translation>La llave de firma {path} la pueden leer otros usuarios; ejecute `chmod 600 {path}`.</translation>
    </message>
    <message>
        <source>The sub-sample ({weight} g) must weigh less than what remains of {code} ({remaining} g).</source>
        <translation>La submuestra ({weight} g) debe pesar menos de lo que queda de {code} ({remaining} g).</translation>
    </message>
    <message>
        <source>The tolerance &apos;{raw}&apos; must be a percentage from 0 to {max} with at most two decimals, e.g. 0.5.</source>
        <translation>La tolerancia &apos;{raw}&apos; debe ser un porcentaje de 0 a {max} con dos decimales como máximo, p. ej. 0.5.</translation>
    </message>
    <message>
        <source>The unit count cannot be negative.</source>
        <translation>El número de unidades no puede ser negativo.</translation>
    </message>
    <message>
        <source>The user name &apos;{name}&apos; is taken.</source>
        <translation>El nombre de usuario &apos;{name}&apos; ya está en uso.</translation>
    </message>
    <message>
        <source>The user name must be 1–64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (no spaces).</source>
        <translation>El nombre de usuario debe tener de 1 a 64 letras, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos; (sin espacios).</translation>
    </message>
    <message>
        <source>The witness must be a third person.</source>
        <translation>El testigo debe ser una tercera persona.</translation>
    </message>
    <message>
        <source>The witness must be another person.</source>
        <translation>El testigo debe ser otra persona.</translation>
    </message>
    <message>
        <source>The {field} &apos;{raw}&apos; is not a number of grams.</source>
        <translation>«{field}»: &apos;{raw}&apos; no es una cantidad en gramos.</translation>
    </message>
    <message>
        <source>The {field} cannot be negative ({raw} g).</source>
        <translation>«{field}» no puede ser negativo ({raw} g).</translation>
    </message>
    <message>
        <source>The {field} is empty: enter the weight in grams, e.g. 12.3456.</source>
        <translation>«{field}» está vacío: escriba el peso en gramos, p. ej. 12.3456.</translation>
    </message>
    <message>
        <source>The {field} is required and cannot be blank.</source>
        <translation>«{field}» es obligatorio y no puede quedar en blanco.</translation>
    </message>
    <message>
        <source>The {field} is too long ({length} characters; at most {max_len}).</source>
        <translation>«{field}» es demasiado largo ({length} caracteres; máximo {max_len}).</translation>
    </message>
    <message>
        <source>The {field} {raw} g has more precision than 0.1 mg.</source>
        <translation>«{field}»: {raw} g tiene más precisión que 0.1 mg.</translation>
    </message>
    <message>
        <source>The {field} {raw} g is implausibly large.</source>
        <translation>«{field}»: {raw} g es inverosímilmente grande.</translation>
    </message>
    <message>
        <source>There is a consignee called {name} already.</source>
        <translation>Ya existe un destinatario llamado {name}.</translation>
    </message>
    <message>
        <source>There is no active user &apos;{key}&apos;.</source>
        <translation>No existe un usuario activo &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>There is no active user &apos;{username}&apos;.</source>
        <translation>No existe un usuario activo &apos;{username}&apos;.</translation>
    </message>
    <message>
        <source>There is no bundle file {path}.</source>
        <translation>No existe el archivo de paquete de exportación {path}.</translation>
    </message>
    <message>
        <source>There is no case {number}.</source>
        <translation>No existe el caso {number}.</translation>
    </message>
    <message>
        <source>There is no consignee #{id}.</source>
        <translation>No existe el destinatario #{id}.</translation>
    </message>
    <message>
        <source>There is no consignee &apos;{wanted}&apos;. List them with `consignee list`.</source>
        <translation>No existe el destinatario &apos;{wanted}&apos;. Consulte la lista con `consignee list`.</translation>
    </message>
    <message>
        <source>There is no database file at {path}.

Check the path, or set a new lab up with:
    custody-cli --db {quoted} init --help</source>
        <translation>No hay ningún archivo de base de datos en {path}.

Revise la ruta, o configure un laboratorio nuevo con:
    custody-cli --db {quoted} init --help</translation>
    </message>
    <message>
        <source>There is no database file at {source}.</source>
        <translation>No hay un archivo de base de datos en {source}.</translation>
    </message>
    <message>
        <source>There is no journal entry {seq}.</source>
        <translation>No existe la entrada {seq} de la bitácora.</translation>
    </message>
    <message>
        <source>There is no label template {value}; choose one of: {templates}.</source>
        <translation>No existe la plantilla de etiqueta {value}; elija una de: {templates}.</translation>
    </message>
    <message>
        <source>There is no location &apos;{code}&apos;.</source>
        <translation>No existe la ubicación &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>There is no location &apos;{key}&apos;.</source>
        <translation>No existe la ubicación &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>There is no location &apos;{location}&apos;.</source>
        <translation>No existe la ubicación &apos;{location}&apos;.</translation>
    </message>
    <message>
        <source>There is no location &apos;{raw}&apos;.</source>
        <translation>No existe la ubicación &apos;{raw}&apos;.</translation>
    </message>
    <message>
        <source>There is no printer called {queue} on this computer. Printers: {printers}.</source>
        <translation>No hay una impresora llamada {queue} en esta computadora. Impresoras: {printers}.</translation>
    </message>
    <message>
        <source>There is no sample #{id}.</source>
        <translation>No existe la muestra #{id}.</translation>
    </message>
    <message>
        <source>There is no sample {key}.</source>
        <translation>No existe la muestra {key}.</translation>
    </message>
    <message>
        <source>There is no sample {raw} in this lab&apos;s records.</source>
        <translation>La muestra {raw} no está en los registros de este laboratorio.</translation>
    </message>
    <message>
        <source>There is no sample {sample} in this lab&apos;s records.</source>
        <translation>La muestra {sample} no está en los registros de este laboratorio.</translation>
    </message>
    <message>
        <source>There is no setting called {names}.</source>
        <translation>No existe un ajuste llamado {names}.</translation>
    </message>
    <message>
        <source>There is no shipment #{id}.</source>
        <translation>No existe el envío #{id}.</translation>
    </message>
    <message>
        <source>There is no shipment &apos;{raw}&apos;.</source>
        <translation>No existe el envío &apos;{raw}&apos;.</translation>
    </message>
    <message>
        <source>There is no user &apos;{actor}&apos;.</source>
        <translation>No existe el usuario &apos;{actor}&apos;.</translation>
    </message>
    <message>
        <source>There is no user &apos;{username}&apos;.</source>
        <translation>No existe el usuario &apos;{username}&apos;.</translation>
    </message>
    <message>
        <source>There is no {what} #{key}.</source>
        <translation>No hay ningún registro de {what} #{key}.</translation>
    </message>
    <message>
        <source>This bundle was imported already (shipment {shipment}, on {date} UTC); nothing was changed.</source>
        <translation>Este paquete de exportación ya se importó (envío {shipment}, el {date} UTC); no se cambió nada.</translation>
    </message>
    <message>
        <source>This database is not a Custody database (it has unknown tables).</source>
        <translation>Esta base de datos no es una base de datos de Custody (tiene tablas desconocidas).</translation>
    </message>
    <message>
        <source>This database is not set up yet: run `custody-cli init`.</source>
        <translation>Esta base de datos todavía no está configurada: ejecute `custody-cli init`.</translation>
    </message>
    <message>
        <source>This database is set up already.</source>
        <translation>Esta base de datos ya está configurada.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Custody (schema {current}). Install the newer version; Custody never downgrades a database.</source>
        <translation>Esta base de datos fue escrita por una versión más reciente de Custody (esquema {current}). Instale la versión más reciente; Custody nunca regresa una base de datos a una versión anterior.</translation>
    </message>
    <message>
        <source>This file is not a Custody database (it is not a SQLite database at all).</source>
        <translation>Este archivo no es una base de datos de Custody (ni siquiera es una base de datos SQLite).</translation>
    </message>
    <message>
        <source>This is {kind} bundle, not a shipment: only shipment bundles are imported.</source>
        <translation>Este es un paquete de exportación de tipo {kind}, no de un envío: solo se importan paquetes de exportación de envíos.</translation>
    </message>
    <message>
        <source>This label (serial {serial}) was voided by a reprint; use the newest label and destroy this one.</source>
        <translation>Esta etiqueta (serie {serial}) fue anulada por una reimpresión; use la etiqueta más reciente y destruya esta.</translation>
    </message>
    <message>
        <source>This label belongs to another shipment (#{id}), not {shipment}.</source>
        <translation>Esta etiqueta pertenece a otro envío (#{id}), no a {shipment}.</translation>
    </message>
    <message>
        <source>This label&apos;s serial {serial} was never printed here.</source>
        <translation>La serie {serial} de esta etiqueta nunca se imprimió aquí.</translation>
    </message>
    <message>
        <source>This manifest is for shipment {name}, not {shipment}.</source>
        <translation>Este manifiesto de traslado es del envío {name}, no de {shipment}.</translation>
    </message>
    <message>
        <source>This passphrase is too common or too simple; choose another.</source>
        <translation>Esta frase de contraseña es demasiado común o demasiado simple; elija otra.</translation>
    </message>
    <message>
        <source>Turn CapsLock off; Custody accepts lower case but other programs may not.</source>
        <translation>Desactive Bloq Mayús; Custody acepta minúsculas, pero otros programas quizá no.</translation>
    </message>
    <message>
        <source>Unknown label template {name}; known: {known}.</source>
        <translation>Plantilla de etiqueta desconocida {name}; conocidas: {known}.</translation>
    </message>
    <message>
        <source>Unknown port &apos;{port}&apos;; use one of {ports}.</source>
        <translation>Puerto desconocido &apos;{port}&apos;; use uno de {ports}.</translation>
    </message>
    <message>
        <source>Unsupported database &apos;{backend}&apos;: use SQLite or PostgreSQL.</source>
        <translation>Base de datos no admitida &apos;{backend}&apos;: use SQLite o PostgreSQL.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Nombre de usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>Y and Z arrived swapped: {scan}.</source>
        <translation>La Y y la Z llegaron intercambiadas: {scan}.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>No puede desactivar su propia cuenta.</translation>
    </message>
    <message>
        <source>You do not hold {code}: it is held by {holder}. Only the current holder can do this.</source>
        <translation>Usted no tiene en custodia {code}: la tiene {holder}. Solo quien la tiene en custodia puede hacer esto.</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {action}; this needs: {roles}.</source>
        <translation>Su rol ({role}) no permite esta acción ({action}); se requiere: {roles}.</translation>
    </message>
    <message>
        <source>a carrier</source>
        <translation>un transportista</translation>
    </message>
    <message>
        <source>a checkpoint held outside the database</source>
        <translation>un punto de control conservado fuera de la base de datos</translation>
    </message>
    <message>
        <source>a checkpoint held outside the database covers {size} entries but the journal has only {entries}: entries were removed from its end</source>
        <translation>un punto de control conservado fuera de la base de datos cubre {size} entradas, pero la bitácora solo tiene {entries}: se eliminaron entradas de su final</translation>
    </message>
    <message>
        <source>a consignee</source>
        <translation>un destinatario</translation>
    </message>
    <message>
        <source>a package is not a JSON object</source>
        <translation>un bulto no es un objeto JSON</translation>
    </message>
    <message>
        <source>a package number is listed twice</source>
        <translation>un número de bulto aparece dos veces</translation>
    </message>
    <message>
        <source>a sample is listed twice</source>
        <translation>una muestra aparece dos veces</translation>
    </message>
    <message>
        <source>a sample is not a JSON object</source>
        <translation>una muestra no es un objeto JSON</translation>
    </message>
    <message>
        <source>a seal number is listed twice</source>
        <translation>un número de sello aparece dos veces</translation>
    </message>
    <message>
        <source>a seal number is missing, not text or longer than 64 characters</source>
        <translation>un número de sello falta, no es texto o tiene más de 64 caracteres</translation>
    </message>
    <message>
        <source>a site prefix must be 1 to 4 groups of 1-8 letters A-Z or digits 0-9, joined by &apos;-&apos;, starting with a letter, at most {length} characters (e.g. MX-AICM or MX-MZO)</source>
        <translation>un prefijo de sitio debe tener de 1 a 4 grupos de 1-8 letras A-Z o dígitos 0-9, unidos por &apos;-&apos;, empezar con una letra y tener como máximo {length} caracteres (p. ej. MX-AICM o MX-MZO)</translation>
    </message>
    <message>
        <source>add a package</source>
        <translation>agregar un bulto</translation>
    </message>
    <message>
        <source>air waybill / tracking number</source>
        <translation>guía aérea / número de rastreo</translation>
    </message>
    <message>
        <source>an air waybill</source>
        <translation>una guía aérea</translation>
    </message>
    <message>
        <source>an indexed column (seq, time, kind, subject, actor, workstation or zone) differs from the signed payload</source>
        <translation>una columna indexada (seq, hora, tipo, sujeto, actor, estación de trabajo o zona) difiere del contenido firmado</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>aprobar</translation>
    </message>
    <message>
        <source>at least one packed sample</source>
        <translation>al menos una muestra embalada</translation>
    </message>
    <message>
        <source>badge number</source>
        <translation>número de gafete</translation>
    </message>
    <message>
        <source>balance ID</source>
        <translation>ID de la balanza</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>transportista</translation>
    </message>
    <message>
        <source>carrier agent (name, company, ID)</source>
        <translation>agente del transportista (nombre, empresa, identificación)</translation>
    </message>
    <message>
        <source>case</source>
        <translation>caso</translation>
    </message>
    <message>
        <source>case number (NUC)</source>
        <translation>número de caso (NUC)</translation>
    </message>
    <message>
        <source>change the shipment</source>
        <translation>modificar el envío</translation>
    </message>
    <message>
        <source>close</source>
        <translation>cerrar</translation>
    </message>
    <message>
        <source>consignee address</source>
        <translation>dirección del destinatario</translation>
    </message>
    <message>
        <source>consignee name</source>
        <translation>nombre del destinatario</translation>
    </message>
    <message>
        <source>conveyance</source>
        <translation>medio de transporte</translation>
    </message>
    <message>
        <source>custody event</source>
        <translation>evento de custodia</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <source>destroy</source>
        <translation>destruir</translation>
    </message>
    <message>
        <source>discrepancy</source>
        <translation>discrepancia</translation>
    </message>
    <message>
        <source>dispatch</source>
        <translation>despachar</translation>
    </message>
    <message>
        <source>draw a sub-sample</source>
        <translation>tomar una submuestra</translation>
    </message>
    <message>
        <source>end of label</source>
        <translation>fin de la etiqueta</translation>
    </message>
    <message>
        <source>end of scan</source>
        <translation>fin de la lectura</translation>
    </message>
    <message>
        <source>entry {n} is missing (next entry found is {seq})</source>
        <translation>falta la entrada {n} (la siguiente entrada encontrada es la {seq})</translation>
    </message>
    <message>
        <source>exhibit</source>
        <translation>indicio</translation>
    </message>
    <message>
        <source>expected PREFIX-YYYY-NNNNNN, e.g. {example}</source>
        <translation>se espera PREFIJO-AAAA-NNNNNN, p. ej. {example}</translation>
    </message>
    <message>
        <source>field differs from the value the journal says it has</source>
        <translation>el campo difiere del valor que indica la bitácora</translation>
    </message>
    <message>
        <source>find</source>
        <translation>buscar</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>nombre completo</translation>
    </message>
    <message>
        <source>gross weight</source>
        <translation>peso bruto</translation>
    </message>
    <message>
        <source>hand over</source>
        <translation>entregar</translation>
    </message>
    <message>
        <source>hash does not match the entry&apos;s content</source>
        <translation>el hash no coincide con el contenido de la entrada</translation>
    </message>
    <message>
        <source>how the fingerprint was checked (with whom, how)</source>
        <translation>cómo se verificó la huella (con quién, cómo)</translation>
    </message>
    <message>
        <source>id: the sample ID is empty.</source>
        <translation>id: el ID de la muestra está vacío.</translation>
    </message>
    <message>
        <source>institution</source>
        <translation>institución</translation>
    </message>
    <message>
        <source>internal: a read-only session tried to write</source>
        <translation>interno: una sesión de solo lectura intentó escribir</translation>
    </message>
    <message>
        <source>invalid site prefix {prefix}: {expected}</source>
        <translation>prefijo de sitio no válido {prefix}: {expected}</translation>
    </message>
    <message>
        <source>it disagrees with its own journal extract: {reason}</source>
        <translation>no concuerda con su propio extracto de la bitácora: {reason}</translation>
    </message>
    <message>
        <source>lab address</source>
        <translation>dirección del laboratorio</translation>
    </message>
    <message>
        <source>lab name</source>
        <translation>nombre del laboratorio</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>latitud</translation>
    </message>
    <message>
        <source>location</source>
        <translation>ubicación</translation>
    </message>
    <message>
        <source>location name</source>
        <translation>nombre de la ubicación</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>longitud</translation>
    </message>
    <message>
        <source>manifest</source>
        <translation>manifiesto</translation>
    </message>
    <message>
        <source>move</source>
        <translation>mover</translation>
    </message>
    <message>
        <source>net weight</source>
        <translation>peso neto</translation>
    </message>
    <message>
        <source>no answer within {seconds} s. Is the printer on and on the network?</source>
        <translation>no hubo respuesta en {seconds} s. ¿Está la impresora encendida y conectada a la red?</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin motivo indicado</translation>
    </message>
    <message>
        <source>nobody (it is in storage)</source>
        <translation>nadie (está en almacén)</translation>
    </message>
    <message>
        <source>none; ask IT to add the printer</source>
        <translation>ninguna; pida a TI que agregue la impresora</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>nothing was changed outside Custody.</source>
        <translation>nada se modificó fuera de Custody.</translation>
    </message>
    <message>
        <source>nothing was scanned (the input is empty or only spaces)</source>
        <translation>no se escaneó nada (la entrada está vacía o solo tiene espacios)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abrir</translation>
    </message>
    <message>
        <source>pack</source>
        <translation>embalar</translation>
    </message>
    <message>
        <source>pack samples</source>
        <translation>embalar muestras</translation>
    </message>
    <message>
        <source>package {number}</source>
        <translation>bulto {number}</translation>
    </message>
    <message>
        <source>package {n}</source>
        <translation>bulto {n}</translation>
    </message>
    <message>
        <source>packaging</source>
        <translation>embalaje</translation>
    </message>
    <message>
        <source>partner lab name</source>
        <translation>nombre del laboratorio socio</translation>
    </message>
    <message>
        <source>payload cannot be replayed: {error}</source>
        <translation>el contenido no se puede reproducir: {error}</translation>
    </message>
    <message>
        <source>person</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>person badge</source>
        <translation>gafete de persona</translation>
    </message>
    <message>
        <source>photograph</source>
        <translation>fotografía</translation>
    </message>
    <message>
        <source>place of seizure</source>
        <translation>lugar del aseguramiento</translation>
    </message>
    <message>
        <source>position</source>
        <translation>cargo</translation>
    </message>
    <message>
        <source>presumptive substance</source>
        <translation>sustancia presunta</translation>
    </message>
    <message>
        <source>prev_hash does not match the previous hash</source>
        <translation>prev_hash no coincide con el hash anterior</translation>
    </message>
    <message>
        <source>printer name</source>
        <translation>nombre de la impresora</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>propósito</translation>
    </message>
    <message>
        <source>re-weigh</source>
        <translation>volver a pesar</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>reason for the change</source>
        <translation>motivo del cambio</translation>
    </message>
    <message>
        <source>reason for the correction</source>
        <translation>motivo de la corrección</translation>
    </message>
    <message>
        <source>reason the chain starts</source>
        <translation>motivo del inicio de la cadena de custodia</translation>
    </message>
    <message>
        <source>receive</source>
        <translation>recibir</translation>
    </message>
    <message>
        <source>reconcile</source>
        <translation>conciliar</translation>
    </message>
    <message>
        <source>reprint reason</source>
        <translation>motivo de la reimpresión</translation>
    </message>
    <message>
        <source>reseal</source>
        <translation>volver a sellar</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>resolución</translation>
    </message>
    <message>
        <source>retrieve</source>
        <translation>retirar del almacén</translation>
    </message>
    <message>
        <source>return</source>
        <translation>devolver</translation>
    </message>
    <message>
        <source>row exists in the table but no journal entry created it</source>
        <translation>la fila existe en la tabla, pero ninguna entrada de la bitácora la creó</translation>
    </message>
    <message>
        <source>row is in the journal but missing from the table</source>
        <translation>la fila está en la bitácora, pero falta en la tabla</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>muestra</translation>
    </message>
    <message>
        <source>sample ID is empty: {shape}</source>
        <translation>el ID de la muestra está vacío: {shape}</translation>
    </message>
    <message>
        <source>sample ID is empty: {shape}, or the scanned compact form without hyphens</source>
        <translation>el ID de la muestra está vacío: {shape}, o la forma compacta escaneada sin guiones</translation>
    </message>
    <message>
        <source>sample ID {id}</source>
        <translation>ID de muestra {id}</translation>
    </message>
    <message>
        <source>sample ID {id} needs a site prefix, a year and a number separated by hyphens: {shape}</source>
        <translation>el ID de muestra {id} necesita un prefijo de sitio, un año y un número separados por guiones: {shape}</translation>
    </message>
    <message>
        <source>sample ID {id}: the number {number} must be 1 to {digits} digits: {shape}</source>
        <translation>ID de muestra {id}: el número {number} debe tener de 1 a {digits} dígitos: {shape}</translation>
    </message>
    <message>
        <source>sample ID {id}: the year {year} must be 4 digits: {shape}</source>
        <translation>ID de muestra {id}: el año {year} debe tener 4 dígitos: {shape}</translation>
    </message>
    <message>
        <source>sample ID {id}: {problem}; {shape}</source>
        <translation>ID de muestra {id}: {problem}; {shape}</translation>
    </message>
    <message>
        <source>sample number {number} is out of range: expected 1 to {last}</source>
        <translation>el número de muestra {number} está fuera de rango: se espera de 1 a {last}</translation>
    </message>
    <message>
        <source>sample {code}: its ID, weight or hazard flag is malformed</source>
        <translation>muestra {code}: su ID, su peso o su indicador de peligro están mal formados</translation>
    </message>
    <message>
        <source>sample {code}: last_hash is not a SHA-256</source>
        <translation>muestra {code}: last_hash no es un SHA-256</translation>
    </message>
    <message>
        <source>sample {code}: unknown form {form}</source>
        <translation>muestra {code}: forma desconocida {form}</translation>
    </message>
    <message>
        <source>sample {code}: {problem}</source>
        <translation>muestra {code}: {problem}</translation>
    </message>
    <message>
        <source>samples in package(s) {packages} (or remove them)</source>
        <translation>muestras en los bultos {packages} (o quítelos)</translation>
    </message>
    <message>
        <source>samples travel in package {number}, which is not listed</source>
        <translation>hay muestras que viajan en el bulto {number}, que no está en la lista</translation>
    </message>
    <message>
        <source>scan containers for</source>
        <translation>escanear los bultos y muestras de</translation>
    </message>
    <message>
        <source>seal</source>
        <translation>sellar</translation>
    </message>
    <message>
        <source>seal number</source>
        <translation>número de sello</translation>
    </message>
    <message>
        <source>seizing institution</source>
        <translation>institución que aseguró</translation>
    </message>
    <message>
        <source>seizure</source>
        <translation>aseguramiento</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>enviar</translation>
    </message>
    <message>
        <source>shipment</source>
        <translation>envío</translation>
    </message>
    <message>
        <source>shipment {number} has no samples</source>
        <translation>el envío {number} no tiene muestras</translation>
    </message>
    <message>
        <source>shipment {number} is {status}, not dispatched: only a shipment on its way can be received</source>
        <translation>el envío {number} está en estado {status}, no despachado: solo se puede recibir un envío que está en camino</translation>
    </message>
    <message>
        <source>shipment {shipment}</source>
        <translation>el envío {shipment}</translation>
    </message>
    <message>
        <source>site prefix is empty: {expected}</source>
        <translation>el prefijo de sitio está vacío: {expected}</translation>
    </message>
    <message>
        <source>site prefix {prefix}</source>
        <translation>el prefijo de sitio {prefix}</translation>
    </message>
    <message>
        <source>site prefix {prefix} is not in canonical form</source>
        <translation>el prefijo de sitio {prefix} no está en forma canónica</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>otra persona</translation>
    </message>
    <message>
        <source>store</source>
        <translation>almacenar</translation>
    </message>
    <message>
        <source>that printer name or address was not found. Check the address.</source>
        <translation>no se encontró ese nombre o dirección de impresora. Revise la dirección.</translation>
    </message>
    <message>
        <source>the checkpoint in entry {seq}</source>
        <translation>el punto de control de la entrada {seq}</translation>
    </message>
    <message>
        <source>the checkpoint in entry {seq} is malformed</source>
        <translation>el punto de control de la entrada {seq} está mal formado</translation>
    </message>
    <message>
        <source>the checkpoint in entry {seq} is not signed by one of the lab&apos;s keys</source>
        <translation>el punto de control de la entrada {seq} no está firmado con una de las llaves del laboratorio</translation>
    </message>
    <message>
        <source>the connection was refused. Is the printer on, and is the port right?</source>
        <translation>se rechazó la conexión. ¿Está encendida la impresora y es correcto el puerto?</translation>
    </message>
    <message>
        <source>the journal was altered, removed or reordered after it was written; entries from seq {seq} on cannot be trusted. Restore the last verified backup and investigate who had write access to the database.</source>
        <translation>la bitácora se alteró, se borró o se reordenó después de escribirse; las entradas desde seq {seq} no son confiables. Restaure el último respaldo verificado e investigue quién tuvo acceso de escritura a la base de datos.</translation>
    </message>
    <message>
        <source>the label of package {n} names another package</source>
        <translation>la etiqueta del bulto {n} indica otro bulto</translation>
    </message>
    <message>
        <source>the label text of {what} is not its label code</source>
        <translation>{what}: el texto de su etiqueta no es su código de etiqueta</translation>
    </message>
    <message>
        <source>the last entry of {code} ({seq}) is not in the extract</source>
        <translation>la última entrada de {code} ({seq}) no está en el extracto</translation>
    </message>
    <message>
        <source>the manifest PDF&apos;s name or SHA-256 is malformed</source>
        <translation>el nombre o el SHA-256 del PDF del manifiesto están mal formados</translation>
    </message>
    <message>
        <source>the manifest&apos;s content cannot be read</source>
        <translation>no se puede leer el contenido del manifiesto</translation>
    </message>
    <message>
        <source>the manifest&apos;s content is not the one issued at approval</source>
        <translation>el contenido del manifiesto no es el que se emitió al aprobarlo</translation>
    </message>
    <message>
        <source>the manifest&apos;s label is not a shipment&apos;s label</source>
        <translation>la etiqueta del manifiesto no es la etiqueta de un envío</translation>
    </message>
    <message>
        <source>the manifest&apos;s label is not the label of shipment {n}</source>
        <translation>la etiqueta del manifiesto no es la etiqueta del envío {n}</translation>
    </message>
    <message>
        <source>the manifest&apos;s label text is missing</source>
        <translation>falta el texto de la etiqueta del manifiesto</translation>
    </message>
    <message>
        <source>the printer closed the connection. Check the printer and try again.</source>
        <translation>la impresora cerró la conexión. Revise la impresora e intente de nuevo.</translation>
    </message>
    <message>
        <source>the record {table} #{key} was added outside Custody: no journal entry created it.</source>
        <translation>el registro {table} #{key} se agregó fuera de Custody: ninguna entrada de la bitácora lo creó.</translation>
    </message>
    <message>
        <source>the record {table} #{key} was deleted outside Custody: the journal says it exists but the table no longer has it.</source>
        <translation>el registro {table} #{key} se borró fuera de Custody: la bitácora indica que existe, pero la tabla ya no lo tiene.</translation>
    </message>
    <message>
        <source>the samples or the label differ from the manifest&apos;s content</source>
        <translation>las muestras o la etiqueta difieren del contenido del manifiesto</translation>
    </message>
    <message>
        <source>the scan is {length} characters long; a label code has at most {limit} — this is not a label code (several scans run together?)</source>
        <translation>la lectura tiene {length} caracteres; un código de etiqueta tiene como máximo {limit}; esto no es un código de etiqueta (¿varias lecturas juntas?)</translation>
    </message>
    <message>
        <source>the scan {scan} has the character {character} ({codepoint}) at position {position}; label codes contain only letters A-Z and digits 0-9. Scan again; if it keeps happening, check the scanner&apos;s keyboard layout</source>
        <translation>la lectura {scan} tiene el carácter {character} ({codepoint}) en la posición {position}; los códigos de etiqueta solo contienen letras A-Z y dígitos 0-9. Escanee de nuevo; si sigue ocurriendo, revise la distribución de teclado del escáner</translation>
    </message>
    <message>
        <source>the shipment it describes is not usable: {reason}</source>
        <translation>el envío que describe no se puede usar: {reason}</translation>
    </message>
    <message>
        <source>the shipment section is missing</source>
        <translation>falta la sección del envío</translation>
    </message>
    <message>
        <source>the {table} table was changed outside Custody (a direct database edit): the field &apos;{field}&apos; of record #{key} no longer holds the value the journal recorded. Treat that record as compromised until the change is explained.</source>
        <translation>la tabla {table} se modificó fuera de Custody (una edición directa de la base de datos): el campo &apos;{field}&apos; del registro #{key} ya no tiene el valor que registró la bitácora. Trate ese registro como comprometido hasta que se explique el cambio.</translation>
    </message>
    <message>
        <source>this shipment</source>
        <translation>este envío</translation>
    </message>
    <message>
        <source>tolerance in grams</source>
        <translation>tolerancia en gramos</translation>
    </message>
    <message>
        <source>transport conditions</source>
        <translation>condiciones de transporte</translation>
    </message>
    <message>
        <source>transport mode</source>
        <translation>modo de transporte</translation>
    </message>
    <message>
        <source>two records carry the same label text</source>
        <translation>dos registros llevan el mismo texto de etiqueta</translation>
    </message>
    <message>
        <source>unpack</source>
        <translation>desembalar</translation>
    </message>
    <message>
        <source>unpack samples</source>
        <translation>desembalar muestras</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>peso</translation>
    </message>
    <message>
        <source>weight received</source>
        <translation>peso recibido</translation>
    </message>
    <message>
        <source>year {year} is out of range: expected {first}-{last}</source>
        <translation>el año {year} está fuera de rango: se espera {first}-{last}</translation>
    </message>
    <message>
        <source>{body} is not a shipment or package code.</source>
        <translation>{body} no es un código de envío ni de bulto.</translation>
    </message>
    <message>
        <source>{code} has no intact seal; only sealed samples can be shipped.</source>
        <translation>{code} no tiene un sello íntegro; solo se pueden enviar muestras selladas.</translation>
    </message>
    <message>
        <source>{code} is NOT on this manifest.</source>
        <translation>{code} NO está en este manifiesto de traslado.</translation>
    </message>
    <message>
        <source>{code} is already packed in package {package} of {shipment}.</source>
        <translation>{code} ya está embalada en el bulto {package} de {shipment}.</translation>
    </message>
    <message>
        <source>{code} is already packed in {shipment}.</source>
        <translation>{code} ya está embalada en {shipment}.</translation>
    </message>
    <message>
        <source>{code} is not in shipment {shipment}.</source>
        <translation>{code} no está en el envío {shipment}.</translation>
    </message>
    <message>
        <source>{code} is {status}: it cannot be used to {context} now.</source>
        <translation>{code} está en estado {status}: ahora no se puede usar para {context}.</translation>
    </message>
    <message>
        <source>{code} received.</source>
        <translation>{code} recibida.</translation>
    </message>
    <message>
        <source>{code} was scanned already.</source>
        <translation>{code} ya fue escaneada.</translation>
    </message>
    <message>
        <source>{error}. Check the printer and its network cable.</source>
        <translation>{error}. Revise la impresora y su cable de red.</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters</source>
        <translation>{field} tiene más de {limit} caracteres</translation>
    </message>
    <message>
        <source>{field} is missing or not text</source>
        <translation>{field} falta o no es texto</translation>
    </message>
    <message>
        <source>{field} is not a list</source>
        <translation>{field} no es una lista</translation>
    </message>
    <message>
        <source>{field} is not a time with its time zone</source>
        <translation>{field} no es una hora con su zona horaria</translation>
    </message>
    <message>
        <source>{field} is not a whole number from {low}</source>
        <translation>{field} no es un número entero a partir de {low}</translation>
    </message>
    <message>
        <source>{field}: &apos;{text}&apos; does not fit {width} pt at {size} pt on {template}; use a larger template.</source>
        <translation>{field}: &apos;{text}&apos; no cabe en {width} pt a {size} pt en {template}; use una plantilla más grande.</translation>
    </message>
    <message>
        <source>{field}: caption &apos;{caption}&apos; does not fit on {template}.</source>
        <translation>{field}: el rótulo &apos;{caption}&apos; no cabe en {template}.</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} o {second}</translation>
    </message>
    <message>
        <source>{id} is not a sample ID: {shape}, or the compact form without hyphens followed by a check character, e.g. {example}</source>
        <translation>{id} no es un ID de muestra: {shape}, o la forma compacta sin guiones seguida de un carácter de control, p. ej. {example}</translation>
    </message>
    <message>
        <source>{id}: check character does not match — the ID was mistyped or misread</source>
        <translation>{id}: el carácter de control no coincide; el ID se tecleó o se leyó mal</translation>
    </message>
    <message>
        <source>{kind} {code} added.</source>
        <translation>Se agregó: {kind} {code}.</translation>
    </message>
    <message>
        <source>{kind} {code} was scanned already in this batch ({times}×); counted once.</source>
        <translation>{kind} {code} ya se escaneó en este lote ({times}×); se cuenta una vez.</translation>
    </message>
    <message>
        <source>{letter} ({kind})</source>
        <translation>{letter} ({kind})</translation>
    </message>
    <message>
        <source>{missing} of {expected} characters were lost; the first missing one is {character} at position {position}.</source>
        <translation>Se perdieron {missing} de {expected} caracteres; el primero que falta es {character} en la posición {position}.</translation>
    </message>
    <message>
        <source>{name} ({role}) cannot take custody of samples.</source>
        <translation>{name} ({role}) no puede recibir la custodia de muestras.</translation>
    </message>
    <message>
        <source>{origin} is this lab&apos;s own site prefix, not a partner lab.</source>
        <translation>{origin} es el prefijo de sitio de este mismo laboratorio, no de un laboratorio socio.</translation>
    </message>
    <message>
        <source>{path} exists already; a bundle never replaces a file.</source>
        <translation>{path} ya existe; un paquete de exportación nunca reemplaza un archivo.</translation>
    </message>
    <message>
        <source>{problem} Using {fallback} (from {path}).</source>
        <translation>{problem} Se usa {fallback} (de {path}).</translation>
    </message>
    <message>
        <source>{queue} is not a printer name: a name has no spaces and none of / \ ? &apos; &quot; #.</source>
        <translation>{queue} no es un nombre de impresora: un nombre no tiene espacios ni ninguno de / \ ? &apos; &quot; #.</translation>
    </message>
    <message>
        <source>{scan} is not a Custody label code: codes start with the format version {version}, this one starts with {start}</source>
        <translation>{scan} no es un código de etiqueta de Custody: los códigos empiezan con la versión de formato {version}, este empieza con {start}</translation>
    </message>
    <message>
        <source>{scan} is not a Custody label code: unknown label kind {kind}, expected {kinds}</source>
        <translation>{scan} no es un código de etiqueta de Custody: tipo de etiqueta desconocido {kind}, se espera {kinds}</translation>
    </message>
    <message>
        <source>{scan} is not a valid label code</source>
        <translation>{scan} no es un código de etiqueta válido</translation>
    </message>
    <message>
        <source>{scan} is not a valid {kind} label code (its identifier length {length} is out of range)</source>
        <translation>{scan} no es un código de etiqueta de {kind} válido (la longitud de su identificador, {length}, está fuera de rango)</translation>
    </message>
    <message>
        <source>{scan} is too short for a label code; scan the whole label</source>
        <translation>{scan} es demasiado corto para un código de etiqueta; escanee la etiqueta completa</translation>
    </message>
    <message>
        <source>{scan} was NOT printed by this lab, or it was altered: its security code does not match. Do not use this label; report it to a supervisor</source>
        <translation>{scan} NO fue impresa por este laboratorio, o fue alterada: su código de seguridad no coincide. No use esta etiqueta; repórtela a un supervisor</translation>
    </message>
    <message>
        <source>{scan}: the check character does not match — the code was misread or mistyped; scan again or type it carefully</source>
        <translation>{scan}: el carácter de control no coincide; el código se leyó o se tecleó mal; escanee de nuevo o teclee con cuidado</translation>
    </message>
    <message>
        <source>{scan}: the length ({length} characters) does not fit the layout of a {kind} label code; it was misread or cut short — scan again</source>
        <translation>{scan}: la longitud ({length} caracteres) no corresponde al formato de un código de etiqueta de {kind}; se leyó mal o quedó incompleto; escanee de nuevo</translation>
    </message>
    <message>
        <source>{start}… ({length} characters)</source>
        <translation>{start}… ({length} caracteres)</translation>
    </message>
    <message>
        <source>{value} is not a printer name.</source>
        <translation>{value} no es un nombre de impresora.</translation>
    </message>
    <message>
        <source>{what} (signed over {size} entries) no longer matches the journal: history was rewritten after it was signed</source>
        <translation>{what} (firmado sobre {size} entradas) ya no coincide con la bitácora: la historia se reescribió después de firmarse</translation>
    </message>
    <message>
        <source>{what} contains the character {character}, which is not allowed; only letters A-Z, digits 0-9 and hyphens &apos;-&apos; may be used</source>
        <translation>{what} contiene el carácter {character}, que no está permitido; solo se pueden usar letras A-Z, dígitos 0-9 y guiones &apos;-&apos;</translation>
    </message>
    <message>
        <source>{what}: give millimetres with at most two decimals.</source>
        <translation>{what}: indique milímetros con dos decimales como máximo.</translation>
    </message>
    <message>
        <source>{what}: {raw} is not a number of millimetres.</source>
        <translation>{what}: {raw} no es una cantidad de milímetros.</translation>
    </message>
    <message>
        <source>{what}: {value} mm is more than ±{limit} mm; measure again on the calibration page (the offset is from the printed cross to the label&apos;s centre).</source>
        <translation>{what}: {value} mm es más de ±{limit} mm; mida de nuevo en la página de calibración (el desplazamiento va de la cruz impresa al centro de la etiqueta).</translation>
    </message>
</context>
</TS>
