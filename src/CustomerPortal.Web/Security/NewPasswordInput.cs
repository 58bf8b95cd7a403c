using System.ComponentModel.DataAnnotations;

namespace CustomerPortal.Web.Security;

// A new password typed twice, as redeeming an invitation and resetting a password ask for it
// (Pages/Shared/_NewPasswordFields.cshtml shows the two fields).
public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Invitation.Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Password.Mismatch")]
    [Display(Name = "Invitation.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}
