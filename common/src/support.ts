// What a support request may hold, for the server's check and the web client's counter alike.

/** The longest question or addition, in characters. */
export const SUPPORT_TEXT_MAX = 5000;

/** The Russian sentence for a text past it. */
export const supportTextTooLong = `Сообщение не может быть длиннее ${SUPPORT_TEXT_MAX} символов.`;
