#include "eventtext.h"

QString EventText::label(const shoal::RunEvent& event)
{
    if (event.oldValue.isEmpty() && event.newValue.isEmpty())
        return event.what;
    if (event.oldValue.isEmpty())
        return tr("%1 %2").arg(event.what, event.newValue);
    return tr("%1 %2 → %3").arg(event.what, event.oldValue, event.newValue);
}
