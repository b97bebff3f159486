import Foundation

/// The dashboard's state and everything keys do to it. Pure: it never touches the terminal or the source;
/// it asks for work through `DashboardEffect`s and takes snapshots and outcomes in.
struct DashboardModel: Sendable {
    /// How long a status message stays.
    static let messageLifetime: TimeInterval = 5

    private(set) var layout: DashboardLayout
    private(set) var focus: PaneID = .bucket
    private(set) var cursors: [PaneID: ListCursor] = [:]
    private(set) var filters: [PaneID: String] = [:]
    private(set) var inputMode: InputMode?
    private(set) var inputText = ""
    private(set) var overlay: Overlay?
    /// The Events pane keeps the newest line selected until the user scrolls back.
    private(set) var followsEvents = true
    private(set) var snapshot = DashboardSnapshot()
    private(set) var chosenBucket: String?
    private(set) var chosenTable: String?
    private(set) var message: StatusMessage?
    private(set) var theme: Theme
    private(set) var eventsPerSecond = 0.0
    private(set) var shouldQuit = false
    private(set) var history = CommandHistory()
    private var pendingDetails: DetailsSubject?
    private var now: Date

    let themeCatalog: ThemeCatalog
    /// Colour off (`--no-color`, `NO_COLOR` or a terminal without colours): the monochrome slots are used.
    let noColor: Bool
    let dataDirectoryLabel: String
    let clock: ClockFormat
    let completer: PathCompleter

    init(size: TerminalSize, theme: Theme, themeCatalog: ThemeCatalog, noColor: Bool, dataDirectoryLabel: String,
         clock: ClockFormat, workingDirectory: String, now: Date) {
        layout = DashboardLayout(size: size)
        self.theme = theme
        self.themeCatalog = themeCatalog
        self.noColor = noColor
        self.dataDirectoryLabel = dataDirectoryLabel
        self.clock = clock
        completer = PathCompleter(workingDirectory: workingDirectory)
        self.now = now
    }

    /// The styles to draw with: the theme, or the monochrome slots when colour is off.
    var palette: Theme { noColor ? Theme.monochrome : theme }

    /// What the poller should read for the current view.
    var snapshotRequest: SnapshotRequest {
        let height = layout.bodyHeight(of: .table)
        let top = cursor(.table).top
        return SnapshotRequest(bucket: chosenBucket ?? snapshot.bucket, table: chosenTable ?? snapshot.table,
                               rowOffset: max(0, top - height), rowLimit: height * 3)
    }

    func cursor(_ pane: PaneID) -> ListCursor { cursors[pane] ?? ListCursor() }

    // MARK: Lists as shown (after the pane's filter)

    var visibleObjects: [ObjectSummary] {
        filtered(snapshot.objects, pane: .bucket) { [$0.key, $0.badge.label] }
    }

    var visibleEvents: [EventSummary] {
        filtered(snapshot.events, pane: .events) { [$0.name, $0.bucket, $0.key, $0.target, $0.note] }
    }

    var visibleInvocations: [InvocationSummary] {
        filtered(snapshot.invocations, pane: .invocations) { [$0.function, $0.requestID, $0.status.label, $0.summary] }
    }

    /// With a filter, the Table pane filters the rows it has read (the visible window), not the whole table.
    var filteredTableRows: [TableRow]? {
        guard let filter = filters[.table], !filter.isEmpty else { return nil }
        return snapshot.rows.filter { row in row.values.values.contains { $0.localizedCaseInsensitiveContains(filter) } }
    }

    /// How many lines a pane lists.
    func count(_ pane: PaneID) -> Int {
        switch pane {
        case .bucket: visibleObjects.count
        case .events: visibleEvents.count
        case .invocations: visibleInvocations.count
        case .table: filteredTableRows?.count ?? snapshot.rowCount
        }
    }

    /// The table row at a line of the Table pane, if it has been read.
    func tableRow(at index: Int) -> TableRow? {
        if let filtered = filteredTableRows { return filtered.indices.contains(index) ? filtered[index] : nil }
        return snapshot.row(at: index)
    }

    private func filtered<Item>(_ items: [Item], pane: PaneID, fields: (Item) -> [String]) -> [Item] {
        guard let filter = filters[pane], !filter.isEmpty else { return items }
        return items.filter { item in fields(item).contains { $0.localizedCaseInsensitiveContains(filter) } }
    }

    // MARK: Input

    /// Handles one key; returns the work it needs done on the source.
    mutating func handle(_ key: KeyEvent) -> [DashboardEffect] {
        if key == .control("c") {
            shouldQuit = true
            return []
        }
        if key == .resize { return [] }
        if let inputMode { return handleInput(key, mode: inputMode) }
        guard let action = KeyBindings.action(for: key) else { return [] }
        if overlay != nil { return performInOverlay(action) }
        return perform(action)
    }

    private mutating func perform(_ action: DashboardAction) -> [DashboardEffect] {
        let height = layout.bodyHeight(of: focus)
        switch action {
        case .quit: shouldQuit = true
        case .help: overlay = .help(cursor: ListCursor())
        case .filter: startInput(.filter, text: filters[focus] ?? "")
        case .command: startInput(.command, text: "")
        case .nextPane: focus = focus.next
        case .previousPane: focus = focus.previous
        case .focus(let pane): focus = pane
        case .down: moveSelection(by: 1)
        case .up: moveSelection(by: -1)
        case .pageDown: moveSelection(by: height)
        case .pageUp: moveSelection(by: -height)
        case .top: moveSelection(by: -count(focus))
        case .bottom: moveSelection(by: count(focus))
        case .open: return openDetails()
        case .back:
            if filters[focus] != nil {
                filters[focus] = nil
                cursors[focus] = ListCursor()
                if focus == .events { followsEvents = true; followNewestEvent() }
            }
        }
        return []
    }

    private mutating func performInOverlay(_ action: DashboardAction) -> [DashboardEffect] {
        let height = layout.overlayBodyHeight
        switch action {
        case .quit: shouldQuit = true
        case .back: overlay = nil; pendingDetails = nil
        case .help: overlay = .help(cursor: ListCursor())
        case .command: startInput(.command, text: "")
        case .nextPane, .previousPane, .focus:
            overlay = nil
            return perform(action)
        case .down: scrollOverlay(by: 1)
        case .up: scrollOverlay(by: -1)
        case .pageDown: scrollOverlay(by: height)
        case .pageUp: scrollOverlay(by: -height)
        case .top: scrollOverlay(by: -Int(Int32.max))
        case .bottom: scrollOverlay(by: Int(Int32.max))
        case .filter, .open: break
        }
        return []
    }

    private mutating func startInput(_ mode: InputMode, text: String) {
        inputMode = mode
        inputText = text
        history.resetBrowsing()
    }

    private mutating func handleInput(_ key: KeyEvent, mode: InputMode) -> [DashboardEffect] {
        switch key {
        case .escape:
            if mode == .filter { setFilter(nil) }
            inputMode = nil
        case .enter:
            inputMode = nil
            if mode == .command { return execute(inputText) }
            if inputText.isEmpty { setFilter(nil) }
        case .backspace, .delete:
            if !inputText.isEmpty { inputText.removeLast() }
            if mode == .filter { setFilter(inputText) }
        case .up where mode == .command:
            inputText = history.older(current: inputText)
        case .down where mode == .command:
            inputText = history.newer(current: inputText)
        case .tab where mode == .command:
            completePath()
        case .character(let character):
            inputText.append(character)
            if mode == .filter { setFilter(inputText) }
        default:
            break
        }
        return []
    }

    private mutating func setFilter(_ text: String?) {
        filters[focus] = (text?.isEmpty ?? true) ? nil : text
        cursors[focus] = ListCursor()
        if focus == .events {
            followsEvents = filters[.events] == nil
            if followsEvents { followNewestEvent() }
        }
    }

    private mutating func completePath() {
        // Only the PATH of `:upload PATH [KEY]` is completed.
        guard let words = try? CommandWords.split(inputText), words.first == "upload" else { return }
        let partial: String
        switch (words.count, inputText.hasSuffix(" ")) {
        case (1, true): partial = ""
        case (2, false): partial = words[1]
        default: return
        }
        let (completion, candidates) = completer.complete(partial)
        inputText = "upload " + CommandWords.quote(completion)
        if !candidates.isEmpty {
            show(candidates.prefix(12).joined(separator: "  ") + (candidates.count > 12 ? "  …" : ""), isError: false)
        }
    }

    // MARK: Commands

    private mutating func execute(_ line: String) -> [DashboardEffect] {
        history.record(line)
        let command: DashboardCommand
        do {
            command = try DashboardCommand.parse(line)
        } catch {
            show(error.message, isError: true)
            return []
        }
        switch command {
        case .upload(let path, let key):
            let absolute = absolutePath(path)
            show("uploading \(TextSanitizer.line(absolute))…", isError: false, lasting: false)
            return [.upload(path: absolute, key: key, bucket: chosenBucket ?? snapshot.bucket)]
        case .query(let text):
            show("querying \(TextSanitizer.line(text))…", isError: false, lasting: false)
            return [.query(text)]
        case .bucket(let name):
            guard snapshot.buckets.contains(name) else {
                show("no bucket named '\(TextSanitizer.line(name))' (buckets: \(snapshot.buckets.joined(separator: ", ")))", isError: true)
                return []
            }
            chosenBucket = name
            snapshot.objects = name == snapshot.bucket ? snapshot.objects : []
            cursors[.bucket] = ListCursor()
            focus = .bucket
            show("bucket \(name)", isError: false)
        case .table(let name):
            guard snapshot.tables.contains(name) else {
                show("no table named '\(TextSanitizer.line(name))' (tables: \(snapshot.tables.joined(separator: ", ")))", isError: true)
                return []
            }
            if name != snapshot.table { snapshot.rows = []; snapshot.rowCount = 0 }
            chosenTable = name
            cursors[.table] = ListCursor()
            focus = .table
            show("table \(name)", isError: false)
        case .theme(let name):
            do {
                theme = try themeCatalog.load(name)
                show("theme \(theme.name)" + (noColor ? " (colour is off)" : ""), isError: false)
            } catch {
                show(String(describing: error), isError: true)
            }
        case .help:
            overlay = .help(cursor: ListCursor())
        case .quit:
            shouldQuit = true
        }
        return []
    }

    private func absolutePath(_ path: String) -> String {
        let expanded = NSString(string: path).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : completer.workingDirectory + "/" + expanded
    }

    /// Shows a status message; `lasting: false` keeps it until the next one (for work in progress).
    mutating func show(_ text: String, isError: Bool, lasting: Bool = true) {
        message = StatusMessage(text: text, isError: isError, expires: lasting ? now.addingTimeInterval(Self.messageLifetime) : nil)
    }

    // MARK: Selection

    private mutating func moveSelection(by delta: Int) {
        var cursor = cursor(focus)
        cursor.move(by: delta, count: count(focus), height: layout.bodyHeight(of: focus))
        cursors[focus] = cursor
        if focus == .events { followsEvents = cursor.selected >= count(.events) - 1 }
    }

    private mutating func followNewestEvent() {
        var cursor = cursor(.events)
        cursor.selected = count(.events) - 1
        cursor.scrollIntoView(count: count(.events), height: layout.bodyHeight(of: .events))
        cursors[.events] = cursor
    }

    private mutating func scrollOverlay(by delta: Int) {
        let height = layout.main.inner.height
        switch overlay {
        case .details(let title, let lines, var cursor):
            let count = DetailsView.wrapped(lines ?? [], width: layout.main.inner.width).count
            cursor.top = max(0, min(cursor.top + delta, count - height))
            overlay = .details(title: title, lines: lines, cursor: cursor)
        case .queryResults(let query, let result, var cursor):
            cursor.move(by: delta, count: result.rows.count, height: height - 2)
            overlay = .queryResults(query: query, result: result, cursor: cursor)
        case .help(var cursor):
            cursor.top = max(0, min(cursor.top + delta, HelpView.lineCount(themes: themeCatalog.names()) - height))
            overlay = .help(cursor: cursor)
        case nil:
            break
        }
    }

    /// The identity of a line, to keep the same item selected when new data arrives.
    private func identity(in pane: PaneID, at index: Int) -> String? {
        switch pane {
        case .bucket: visibleObjects.indices.contains(index) ? visibleObjects[index].key : nil
        case .events: visibleEvents.indices.contains(index) ? visibleEvents[index].id : nil
        case .invocations: visibleInvocations.indices.contains(index) ? visibleInvocations[index].requestID : nil
        case .table: nil
        }
    }

    private func index(in pane: PaneID, of identity: String) -> Int? {
        switch pane {
        case .bucket: visibleObjects.firstIndex { $0.key == identity }
        case .events: visibleEvents.firstIndex { $0.id == identity }
        case .invocations: visibleInvocations.firstIndex { $0.requestID == identity }
        case .table: nil
        }
    }

    // MARK: Details

    private mutating func openDetails() -> [DashboardEffect] {
        let selected = cursor(focus).selected
        let subject: DetailsSubject
        let title: String
        switch focus {
        case .bucket:
            guard visibleObjects.indices.contains(selected), let bucket = snapshot.bucket else { return [] }
            subject = .object(bucket: bucket, key: visibleObjects[selected].key)
            title = "\(bucket)/\(visibleObjects[selected].key)"
        case .events:
            guard visibleEvents.indices.contains(selected) else { return [] }
            subject = .event(id: visibleEvents[selected].id)
            title = "event \(visibleEvents[selected].id)"
        case .invocations:
            guard visibleInvocations.indices.contains(selected) else { return [] }
            let invocation = visibleInvocations[selected]
            subject = .invocation(requestID: invocation.requestID)
            title = "\(invocation.function) \(invocation.requestID)"
        case .table:
            guard let row = tableRow(at: selected) else { return [] }
            let document = DetailsDocument(title: "\(snapshot.table ?? "table") row \(selected + 1)",
                                           sections: [DetailsSection(heading: "Item (DynamoDB JSON)", text: row.dynamoJSON)])
            overlay = .details(title: document.title, lines: Self.lines(of: document), cursor: ListCursor())
            return []
        }
        pendingDetails = subject
        overlay = .details(title: title, lines: nil, cursor: ListCursor())
        return [.loadDetails(subject)]
    }

    static func lines(of document: DetailsDocument) -> [StyledText] {
        var lines: [StyledText] = []
        for section in document.sections {
            if !lines.isEmpty { lines.append(StyledText("")) }
            lines.append(StyledText(section.heading, .header))
            lines += TextSanitizer.lines(section.text).map { StyledText($0) }
        }
        return lines
    }

    // MARK: Data in

    /// Takes a new snapshot in, keeping the same lines selected (and the newest event, when following).
    mutating func apply(_ snapshot: DashboardSnapshot) {
        let kept = [PaneID.bucket, .invocations, .events].map { pane in (pane, identity(in: pane, at: cursor(pane).selected)) }
        self.snapshot = snapshot
        for (pane, identity) in kept {
            var cursor = cursor(pane)
            if let identity, let index = index(in: pane, of: identity) { cursor.selected = index }
            cursor.scrollIntoView(count: count(pane), height: layout.bodyHeight(of: pane))
            cursors[pane] = cursor
        }
        if followsEvents { followNewestEvent() }
        var table = cursor(.table)
        table.scrollIntoView(count: count(.table), height: layout.bodyHeight(of: .table))
        cursors[.table] = table
        updateEventsPerSecond()
    }

    /// Takes the outcome of an effect in.
    mutating func apply(_ outcome: EffectOutcome) {
        switch outcome {
        case .details(let subject, let result):
            guard subject == pendingDetails, case .details(let title, _, let cursor) = overlay else { return }
            pendingDetails = nil
            switch result {
            case .success(let document):
                overlay = .details(title: TextSanitizer.line(document.title), lines: Self.lines(of: document), cursor: cursor)
            case .failure(let failure):
                overlay = .details(title: title, lines: [StyledText(failure.message, .error)], cursor: cursor)
            }
        case .upload(.success(let text)):
            show(text, isError: false)
        case .upload(.failure(let failure)):
            show(failure.message, isError: true)
        case .query(let text, .success(let result)):
            overlay = .queryResults(query: TextSanitizer.line(text), result: result, cursor: ListCursor())
            show("\(result.count) invoice\(result.count == 1 ? "" : "s") · total valor \(result.totalValor)", isError: false)
        case .query(_, .failure(let failure)):
            show(failure.message, isError: true)
        }
    }

    /// Follows a new terminal size.
    mutating func resize(to size: TerminalSize) {
        layout = DashboardLayout(size: size)
        for pane in PaneID.allCases {
            var cursor = cursor(pane)
            cursor.scrollIntoView(count: count(pane), height: layout.bodyHeight(of: pane))
            cursors[pane] = cursor
        }
    }

    /// Advances the clock: expires messages and updates the event rate. Returns whether anything shown changed.
    mutating func tick(now: Date) -> Bool {
        self.now = now
        var changed = false
        if let expires = message?.expires, expires <= now {
            message = nil
            changed = true
        }
        let before = eventsPerSecond
        updateEventsPerSecond()
        return changed || before != eventsPerSecond
    }

    private mutating func updateEventsPerSecond() {
        let window: TimeInterval = 10
        let recent = snapshot.events.reversed().prefix { now.timeIntervalSince($0.time) < window }
        eventsPerSecond = Double(recent.filter { $0.time <= now }.count) / window
    }
}
