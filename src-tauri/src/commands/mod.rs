//! IPC commands: deserialize, call one core function, return its result. The error type is the
//! core's, which serialises as `{code, field, message}`.

pub mod roster;
pub mod system;

pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        system::app_info,
        system::vocabulary,
        system::settings_get,
        system::settings_save,
        system::history_list,
        system::backup_now,
        system::backups_list,
        roster::terms_list,
        roster::term_create,
        roster::constituencies_list,
        roster::constituency_create,
        roster::constituency_update,
        roster::stations_list,
        roster::station_create,
        roster::station_update,
        roster::groups_list,
        roster::group_create,
        roster::group_update,
        roster::deputies_list,
        roster::deputy_get,
        roster::deputy_create,
        roster::deputy_update,
        roster::deputy_void,
        roster::deputy_reveal_id,
        roster::deputy_event_add,
        roster::deputy_event_void,
        roster::presidium_post_add,
        roster::presidium_post_end,
        roster::roster_stats,
        roster::roster_import_preview,
        roster::roster_import_commit,
        roster::roster_export,
    ]
}
