//! Everything the user can ask for, as values: key presses and mouse
//! events become actions, and only `update` changes the state.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    /// Ctrl-C: quit from any screen, with the interrupted exit status.
    Interrupt,
    ToggleHelp,
    FocusNext,
    FocusPrev,
    Down,
    Up,
    ParagraphDown,
    ParagraphUp,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    /// `g`: the first half of `gg`.
    G,
    Top,
    Bottom,
    Open,
    NextCorroboration,
    PrevCorroboration,
    Back,
    Forward,
    /// Steps through the kept search's matches.
    NextMatch,
    PrevMatch,
    NextCorroborated,
    PrevCorroborated,
    NextSingle,
    PrevSingle,
    StartFilter,
    Compare,
    Matrix,
    /// The matrix's next row order.
    Sort,
    /// Sideways (the matrix's source columns).
    Left,
    Right,
    Cancel,
    // Text input of the filter prompt.
    Input(char),
    Backspace,
    ClearInput,
    Accept,
    // Terminal and mouse events.
    Resize(u16, u16),
    Click(u16, u16),
    WheelDown(u16, u16),
    WheelUp(u16, u16),
}
